package dev.postventa.refunds.credit;

import dev.postventa.events.Money;

/** A redemption asked for more than the account's balance: nothing was spent. */
public class InsufficientStoreCreditException extends RuntimeException {

    private final Money balance;

    public InsufficientStoreCreditException(Money balance) {
        super("insufficient store credit, balance " + balance.amount().toPlainString() + " " + balance.currency());
        this.balance = balance;
    }

    public Money balance() {
        return balance;
    }
}

-- Inspection and resolution of a return (issue 10): what was accepted of each shipped line and how the return was
-- settled, shown to the customer. Statuses RESOLVED and CANCELLED need no schema change (status is TEXT).
ALTER TABLE return_request ADD COLUMN inspection jsonb;
ALTER TABLE return_request ADD COLUMN resolution jsonb;
ALTER TABLE return_request ADD COLUMN resolved_at TIMESTAMPTZ;
ALTER TABLE return_request ADD CONSTRAINT return_request_inspection_is_array
    CHECK (inspection IS NULL OR jsonb_typeof(inspection) = 'array');
ALTER TABLE return_request ADD CONSTRAINT return_request_resolution_is_object
    CHECK (resolution IS NULL OR jsonb_typeof(resolution) = 'object');

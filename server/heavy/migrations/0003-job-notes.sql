-- Warnings the service itself gives a job before it is compiled (a release compiled as another),
-- as a JSON list of JSON:API error objects, put before hvcc's when the job is recorded.
ALTER TABLE compile_jobs ADD COLUMN notes TEXT NOT NULL DEFAULT '[]';

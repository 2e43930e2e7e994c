"""The index answers of a region's year as the national portal asks for them: an XLSX built as a job."""

"""The innovation lab's reports: the cohort dashboard as XLSX, and the cohort's documentation book."""

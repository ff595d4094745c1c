// PLACEHOLDER: replaced by the issue that builds <retain-forward>. Defines nothing yet.
export {};

// PLACEHOLDER: replaced by the issue that builds <retain-review-showcase>. Defines nothing yet.
export {};

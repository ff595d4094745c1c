// PLACEHOLDER: replaced by the issue that builds <retain-spin-wheel>. Defines nothing yet.
export {};

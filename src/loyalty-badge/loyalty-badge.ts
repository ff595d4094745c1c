// PLACEHOLDER: replaced by the issue that builds <retain-loyalty-badge>. Defines nothing yet.
export {};

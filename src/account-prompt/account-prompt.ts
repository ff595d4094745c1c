// PLACEHOLDER: replaced by the issue that builds <retain-account-prompt>. Defines nothing yet.
export {};

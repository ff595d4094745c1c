/** The names of <retain-recently-viewed>'s texts, which the language files in translations/ fill in. */
export type RecentlyViewedTerm = 'heading' | 'clear' | 'cleared';

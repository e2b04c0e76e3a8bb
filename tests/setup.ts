// Shared test setup. Network mocking is per test file (msw/node with onUnhandledRequest: 'error').
export {};

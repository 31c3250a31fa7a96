import '@testing-library/jest-dom';

// jsdom does not lay out or scroll; the router's scroll restoration calls this on each navigation.
window.scrollTo = () => undefined;

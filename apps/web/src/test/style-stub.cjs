// Jest stand-in for CSS imports (Vite bundles the real stylesheet).
module.exports = {};

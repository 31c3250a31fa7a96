/**
 * jsdom has no Fetch API. This environment is jsdom plus Node's own Request, Response and Headers
 * (tests still mock `fetch` itself), so the app's openapi-fetch client runs unchanged. Like a
 * browser, Request resolves a relative URL ("/api/projects") against the document's location.
 * TextEncoder and TextDecoder (which react-router uses) come from Node too.
 */
const { TestEnvironment } = require('jest-environment-jsdom');

class JsdomWithFetchEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    const base = () => this.global.location.href;
    const NodeRequest = globalThis.Request;
    class Request extends NodeRequest {
      constructor(input, init) {
        super(typeof input === 'string' || input instanceof URL ? new URL(String(input), base()) : input, init);
      }
    }
    this.global.Request = Request;
    this.global.Response = globalThis.Response;
    this.global.Headers = globalThis.Headers;
    this.global.TextEncoder = globalThis.TextEncoder;
    this.global.TextDecoder = globalThis.TextDecoder;
  }
}

module.exports = JsdomWithFetchEnvironment;

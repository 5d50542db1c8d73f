// @fastify/static (CommonJS) requires content-disposition 3, an ES module. Node 20 loads that
// (require of ESM), Jest's module registry cannot, so Jest maps the package here. @fastify/static
// calls it only from reply.download(), which the app never uses; a call would fail loudly.
module.exports = {
  create() {
    throw new Error('content-disposition is mapped out under Jest: the app does not use reply.download()');
  },
};

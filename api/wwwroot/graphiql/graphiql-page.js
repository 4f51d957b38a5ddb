// Boots GraphiQL against this server's own endpoint: HTTP for queries and mutations,
// graphql-transport-ws on the same path for subscriptions.
(function () {
  'use strict';

  var endpoint = '/graphql';
  var wsScheme = window.location.protocol === 'https:' ? 'wss://' : 'ws://';

  // GraphiQL sends the header editor's JSON with every HTTP request and, for subscriptions,
  // as the connection_init payload, so one "Authorization" entry serves both transports.
  var fetcher = GraphiQL.createFetcher({
    url: endpoint,
    subscriptionUrl: wsScheme + window.location.host + endpoint,
  });

  // No backslash at the end of a comment line: GraphQL.NET's parser rejects it.
  var defaultQuery = [
    '# Actors API. Anonymous until you put a token in Headers below:',
    '#   { "Authorization": "Bearer <token>" }',
    '# Development only: POST /dev/token issues a token for any role,',
    '# with a body such as {"role": "CITIZEN", "subject": "citizen-1"}.',
    '# Run with Ctrl+Enter.',
    '',
    '{',
    '  governorates {',
    '    code',
    '    nameFr',
    '    nameAr',
    '  }',
    '}',
    '',
  ].join('\n');

  // An empty bearer is treated as anonymous by the server, so this default runs as is.
  var defaultHeaders = JSON.stringify({ Authorization: 'Bearer ' }, null, 2);

  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultQuery: defaultQuery,
      defaultHeaders: defaultHeaders,
      defaultEditorToolsVisibility: 'headers',
      shouldPersistHeaders: false,
    })
  );
})();

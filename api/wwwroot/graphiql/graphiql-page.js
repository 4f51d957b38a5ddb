// Boots GraphiQL against this server's own endpoint: HTTP for queries and mutations,
// graphql-transport-ws on the same path for subscriptions. Adds a bar with the example
// operations of each pathway and, in Development (where POST /dev/token exists), a role picker
// that fetches a token and puts it in the Headers pane.
(function () {
  'use strict';

  var endpoint = '/graphql';
  var wsScheme = window.location.protocol === 'https:' ? 'wss://' : 'ws://';
  var examples = window.ActorsExamples || [];

  // GraphiQL sends the header editor's JSON with every HTTP request and, for subscriptions,
  // as the connection_init payload, so one "Authorization" entry serves both transports.
  var fetcher = GraphiQL.createFetcher({
    url: endpoint,
    subscriptionUrl: wsScheme + window.location.host + endpoint,
  });

  // No backslash at the end of a comment line: GraphQL.NET's parser rejects it.
  var defaultQuery = [
    '# Actors API. Anonymous until you pick a role above (Development) or put a token',
    '# in Headers below: { "Authorization": "Bearer <token>" }.',
    '# Examples of each pathway: the Examples menu above, or the other tabs.',
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

  var defaultTabs = [{ query: defaultQuery }].concat(examples.map(function (example) {
    return { query: example.query, variables: example.variables };
  }));

  // Props that the bar changes; GraphiQL replaces an editor's contents when its prop changes.
  var controlled = {};
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));

  function render() {
    root.render(React.createElement(GraphiQL, Object.assign({
      fetcher: fetcher,
      defaultQuery: defaultQuery,
      defaultHeaders: defaultHeaders,
      defaultTabs: defaultTabs,
      defaultEditorToolsVisibility: 'headers',
      shouldPersistHeaders: false,
    }, controlled)));
  }

  function element(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    });
    return node;
  }

  function option(value, text) {
    return element('option', { value: value }, [text]);
  }

  var bar = document.getElementById('actors-bar');
  var status = element('span', { id: 'actors-status', role: 'status' });

  var exampleMenu = element('select', { id: 'actors-example', 'aria-label': 'Example operations' },
    [option('', 'Examples…')].concat(examples.map(function (example, i) { return option(String(i), example.name); })));
  bar.appendChild(element('label', {}, ['Examples ', exampleMenu]));

  var roles = ['CITIZEN', 'AGENT', 'SUPERVISOR', 'EDUCATION_OFFICER', 'ANALYST', 'FUND_MANAGER', 'OPERATOR'];
  var rolePicker = element('span', { id: 'actors-roles', hidden: '' });
  var role = element('select', { id: 'actors-role', 'aria-label': 'Role' }, roles.map(function (r) { return option(r, r); }));
  var subject = element('input', { id: 'actors-subject', 'aria-label': 'Subject', size: '12', value: 'citizen-1' });
  var center = element('input', { id: 'actors-center', 'aria-label': 'Center code', size: '9', value: 'TN11-GU1' });
  var governorate = element('input', { id: 'actors-governorate', 'aria-label': 'Governorate', size: '9', value: 'TUNIS' });
  // A citizen submits for themselves: the examples' applicant holds card 01234567.
  var nationalId = element('input', { id: 'actors-national-id', 'aria-label': 'National ID number', size: '9', value: '01234567' });
  var nationalIdLabel = element('label', {}, ['national ID ', nationalId]);
  var centerLabel = element('label', {}, ['center ', center]);
  var governorateLabel = element('label', {}, ['governorate ', governorate]);
  var signIn = element('button', { id: 'actors-sign-in', type: 'button' }, ['Use this role']);
  [element('label', {}, ['Role ', role]), element('label', {}, ['subject ', subject]), centerLabel, governorateLabel, nationalIdLabel, signIn]
    .forEach(function (node) { rolePicker.appendChild(node); });
  bar.appendChild(rolePicker);
  bar.appendChild(status);

  function showRoleFields() {
    centerLabel.hidden = role.value !== 'AGENT';
    governorateLabel.hidden = role.value !== 'SUPERVISOR';
    nationalIdLabel.hidden = role.value !== 'CITIZEN';
  }

  role.addEventListener('change', function () {
    subject.value = role.value.toLowerCase().replace('_', '-') + '-1';
    showRoleFields();
  });

  exampleMenu.addEventListener('change', function () {
    var example = examples[Number(exampleMenu.value)];
    if (!example) return;
    controlled.query = example.query;
    controlled.variables = example.variables;
    render();
    if (!rolePicker.hidden && role.value !== example.role) {
      role.value = example.role;
      role.dispatchEvent(new Event('change'));
    }

    status.textContent = 'Example loaded: pick ' + example.role + (rolePicker.hidden ? ' (paste its token in Headers).' : ', then “Use this role”.');
  });

  signIn.addEventListener('click', function () {
    var body = { role: role.value, subject: subject.value };
    if (role.value === 'AGENT') body.centerId = center.value;
    if (role.value === 'SUPERVISOR') body.governorate = governorate.value;
    if (role.value === 'CITIZEN' && nationalId.value) body.nationalIdNumber = nationalId.value;
    status.textContent = 'Getting a token…';
    fetch('/dev/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (response) {
        return response.json().then(function (answer) { return { ok: response.ok, answer: answer }; });
      })
      .then(function (result) {
        if (!result.ok) {
          status.textContent = result.answer.error || 'No token.';
          return;
        }

        controlled.headers = JSON.stringify({ Authorization: 'Bearer ' + result.answer.token }, null, 2);
        render();
        status.textContent = 'Signed in as ' + body.role + ' ' + body.subject + (body.centerId ? ' at ' + body.centerId : '')
          + (body.governorate ? ' in ' + body.governorate : '') + ': the token is in Headers.';
      })
      .catch(function () { status.textContent = 'Could not reach /dev/token.'; });
  });

  // /dev/token exists in Development only, for POST: a GET is 405 there, 404 elsewhere.
  fetch('/dev/token', { method: 'GET' })
    .then(function (response) {
      if (response.status === 405) {
        rolePicker.hidden = false;
        showRoleFields();
      }

      // Read to the end, so that the browser does not count the exchange as aborted.
      return response.text();
    })
    .catch(function () { /* No role picker: tokens go in Headers by hand. */ });

  render();
})();

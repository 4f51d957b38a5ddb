// The analysts' dashboard: asks /graphql with the analyst's own token (kept in sessionStorage, so it dies with the tab)
// and draws what the API answers. It never computes a figure the API withheld: a suppressed group is shown as "< 5"
// and left out of the charts. Panels whose fields the API does not have yet (introspected once) say so instead of
// failing, so the page works against older and newer APIs alike. It follows progressChanged over graphql-transport-ws
// (the same origin's /graphql) and redraws when a snapshot says something changed; without that socket it asks again
// every minute, and says which of the two it is doing.
'use strict';

(function () {
  var TOKEN_KEY = 'actors.dashboard.token';
  var REFRESH_MS = 60000;
  // The timeline shows at most this many days, the most recent: more bars than that are unreadable on a laptop.
  var MAX_DAYS = 60;

  var STATUSES = [
    ['SUBMITTED', 'Déposée', '#6e7781'],
    ['VERIFYING', 'En vérification', '#8250df'],
    ['NEEDS_CORRECTION', 'À corriger', '#bf8700'],
    ['AWAITING_PAYMENT', 'En attente de paiement', '#d4a72c'],
    ['PAID', 'Payée', '#0969da'],
    ['APPOINTMENT_BOOKED', 'Rendez-vous pris', '#218bff'],
    ['BIOMETRICS_CAPTURED', 'Biométrie relevée', '#54aeff'],
    ['IN_PRODUCTION', 'En fabrication', '#1b7c83'],
    ['READY_FOR_DELIVERY', 'Prête à remettre', '#2da44e'],
    ['DELIVERED', 'Remise', '#116329'],
    ['RECORD_CHECK', 'Contrôle du casier', '#9a6700'],
    ['ISSUED', 'Délivrée', '#1a7f37'],
    ['REFERRED', 'Transmise', '#953800'],
    ['REJECTED', 'Rejetée', '#cf222e'],
    ['CANCELLED', 'Annulée', '#8c959f'],
    ['EXPIRED', 'Expirée', '#57606a'],
  ];
  var STATUS_LABEL = {};
  var STATUS_COLOR = {};
  var STATUS_ORDER = {};
  STATUSES.forEach(function (s, i) { STATUS_LABEL[s[0]] = s[1]; STATUS_COLOR[s[0]] = s[2]; STATUS_ORDER[s[0]] = i; });

  var PHASES = [
    ['PLANNED', 'Prévu', '#8c959f'],
    ['PILOT', 'Pilote', '#bf8700'],
    ['LIVE', 'En service', '#1a7f37'],
    ['SUSPENDED', 'Suspendu', '#cf222e'],
  ];

  var CAMPAIGN_COUNTERS = [
    ['target', 'Objectif', '#d0d7de'],
    ['invited', 'Invités', '#8c959f'],
    ['started', 'Démarrées', '#54aeff'],
    ['paid', 'Payées', '#0969da'],
    ['booked', 'Rendez-vous pris', '#218bff'],
    ['biometricsTaken', 'Biométrie relevée', '#1b7c83'],
    ['delivered', 'Remises', '#1a7f37'],
  ];

  var numberFormat = new Intl.NumberFormat('fr-FR');
  var percentFormat = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 1 });
  var decimalFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
  var dateTimeFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'medium', timeZone: 'Africa/Tunis' });
  var dayFormat = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'short', timeZone: 'UTC' });

  var $ = function (id) { return document.getElementById(id); };
  var token = sessionStorage.getItem(TOKEN_KEY) || '';
  var schema = null;
  var governorateNames = null;
  var charts = {};
  var timer = null;
  var loading = false;
  // Another redraw was asked for while one was running: it runs once that one is done, so the last change is drawn.
  var again = false;
  var live = null;

  // ---- GraphQL -------------------------------------------------------------------------------------------------

  function AuthError(message) { this.message = message; }

  function graphql(query, variables) {
    var headers = { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json;q=0.9' };
    if (token) headers.authorization = 'Bearer ' + token;
    return fetch('/graphql', { method: 'POST', headers: headers, body: JSON.stringify({ query: query, variables: variables || {} }) })
      .then(function (response) {
        return response.json().catch(function () { return null; }).then(function (body) {
          if (response.status === 401) throw new AuthError('Jeton refusé : il est expiré ou n\'a pas été émis par ce service.');
          if (!body) throw new Error('Réponse illisible du service (HTTP ' + response.status + ').');
          return body;
        });
      });
  }

  /** The data, or an Error naming the first GraphQL error (FORBIDDEN becomes an AuthError: the token is the problem). */
  function data(body, field) {
    var errors = body.errors || [];
    if (errors.length > 0 && (!body.data || body.data[field] == null)) {
      var code = errors[0].extensions && errors[0].extensions.code;
      if (code === 'FORBIDDEN' || code === 'UNAUTHENTICATED') {
        throw new AuthError('Ce jeton ne donne pas accès aux chiffres (il faut le rôle ANALYST, OPERATOR, SUPERVISOR ou AGENT).');
      }

      throw new Error(errors[0].message + (code ? ' (' + code + ')' : ''));
    }

    return body.data[field];
  }

  // ---- What the API has (introspected once) ----------------------------------------------------------------------

  var TYPE_REF = 'type { name kind ofType { name kind ofType { name kind ofType { name kind } } } }';

  function namedType(ref) {
    while (ref && !ref.name) ref = ref.ofType;
    return ref;
  }

  function fieldMap(type) {
    var map = {};
    ((type && type.fields) || []).forEach(function (f) { map[f.name] = namedType(f.type) || {}; });
    return map;
  }

  function introspect() {
    var query = '{ query: __type(name: "Query") { fields { name ' + TYPE_REF + ' } }'
      + ' progress: __type(name: "RequestProgress") { fields { name ' + TYPE_REF + ' } }'
      + ' dimension: __type(name: "ProgressDimension") { enumValues { name } }'
      + ' rollout: __type(name: "RolloutSummary") { fields { name ' + TYPE_REF + ' } }'
      + ' campaign: __type(name: "Campaign") { fields { name ' + TYPE_REF + ' } }'
      + ' campaignProgress: __type(name: "CampaignProgress") { fields { name ' + TYPE_REF + ' } }'
      + ' subscription: __type(name: "Subscription") { fields { name } } }';
    return graphql(query).then(function (body) {
      if (!body.data) throw new Error('Le schéma du service est illisible.');
      var d = body.data;
      var found = {
        query: fieldMap(d.query),
        progress: fieldMap(d.progress),
        dimensions: ((d.dimension && d.dimension.enumValues) || []).map(function (v) { return v.name; }),
        rollout: fieldMap(d.rollout),
        campaign: fieldMap(d.campaign),
        campaignProgress: fieldMap(d.campaignProgress),
        campaignGovernorate: {},
        subscription: fieldMap(d.subscription),
      };
      var byGovernorate = found.campaignProgress.byGovernorate;
      if (!byGovernorate || !byGovernorate.name) return found;
      return graphql('query($n: String!) { t: __type(name: $n) { fields { name ' + TYPE_REF + ' } } }', { n: byGovernorate.name })
        .then(function (inner) {
          found.campaignGovernorate = fieldMap(inner.data && inner.data.t);
          return found;
        });
    });
  }

  function loadGovernorateNames() {
    return graphql('{ governorates { code nameFr nameAr } }').then(function (body) {
      var names = {};
      (data(body, 'governorates') || []).forEach(function (g) { names[g.code] = g; });
      return names;
    });
  }

  // ---- Formatting ------------------------------------------------------------------------------------------------

  /** A withheld count reads "< threshold" and never a number: the API withheld it on purpose. */
  function countText(group, threshold) {
    if (group.suppressed || group.count == null) return threshold > 0 ? '< ' + threshold : 'masqué';
    return numberFormat.format(group.count);
  }

  function hoursText(hours) {
    if (hours == null) return null;
    if (hours < 48) return decimalFormat.format(hours) + ' h';
    return decimalFormat.format(hours / 24) + ' j';
  }

  function governorateLabel(code) {
    var g = governorateNames && governorateNames[code];
    return g ? g.nameFr : code;
  }

  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (key) {
      if (key === 'text') node.textContent = attributes[key];
      else if (key === 'className') node.className = attributes[key];
      else node.setAttribute(key, attributes[key]);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child); });
    return node;
  }

  /** A table of the figures (what a screen reader and a chart-less browser get, and where "< 5" is shown). */
  function table(caption, headers, rows, open) {
    var head = el('tr', {}, headers.map(function (h, i) { return el('th', { scope: 'col', className: i > 0 ? 'num' : '', text: h }); }));
    var body = rows.map(function (row) {
      return el('tr', {}, row.map(function (cell, i) {
        if (i === 0) return el('th', { scope: 'row' }, [cell]);
        var text = cell == null ? '—' : String(cell);
        return el('td', { className: 'num' + (text.indexOf('<') === 0 ? ' suppressed' : ''), text: text });
      }));
    });
    var wrap = el('div', { className: 'table-wrap' }, [el('table', {}, [el('thead', {}, [head]), el('tbody', {}, body)])]);
    var details = el('details', {}, [el('summary', { text: caption }), wrap]);
    if (open) details.open = true;
    return details;
  }

  function governorateCell(code) {
    var g = governorateNames && governorateNames[code];
    if (!g) return el('span', { text: code || 'Sans gouvernorat' });
    return el('span', {}, [g.nameFr + ' ', el('span', { lang: 'ar', dir: 'rtl', text: g.nameAr })]);
  }

  // ---- Panels ----------------------------------------------------------------------------------------------------

  function panel(id) {
    var section = $('panel-' + id);
    return { section: section, body: section.querySelector('.body') };
  }

  function setState(p, state) { p.section.setAttribute('data-state', state); }

  function unavailable(id, what) {
    var p = panel(id);
    destroyChart(id);
    p.body.replaceChildren(el('p', { className: 'unavailable', text: 'Pas encore disponible : ' + what }));
    setState(p, 'unavailable');
  }

  function destroyChart(id) {
    if (charts[id]) {
      charts[id].destroy();
      delete charts[id];
    }
  }

  /** Draws a chart in the panel (or says why it cannot), then the figures' table. */
  function render(id, config, details, extra, tall) {
    var p = panel(id);
    destroyChart(id);
    var children = [];
    if (extra) children.push(extra);
    if (config && window.Chart) {
      var canvas = el('canvas', { role: 'img', 'aria-label': p.section.querySelector('h2').textContent });
      children.push(el('div', { className: 'chart' + (tall ? ' tall' : '') }, [canvas]));
      p.body.replaceChildren.apply(p.body, children.concat(details ? [details] : []));
      config.options = Object.assign({ responsive: true, maintainAspectRatio: false, animation: false }, config.options || {});
      charts[id] = new window.Chart(canvas, config);
    } else {
      if (config) children.push(el('p', { className: 'note', text: 'Graphique indisponible (bibliothèque non installée) : les chiffres sont dans le tableau.' }));
      if (details) details.open = true;
      p.body.replaceChildren.apply(p.body, children.concat(details ? [details] : []));
    }

    setState(p, 'ready');
  }

  function panelError(id, error) {
    var p = panel(id);
    destroyChart(id);
    p.body.replaceChildren(el('p', { className: 'panel-error', text: 'Impossible de charger ce panneau : ' + error.message }));
    setState(p, 'error');
  }

  function suppressedNote(hidden, threshold, what) {
    if (hidden === 0) return null;
    return el('p', { className: 'note', text: hidden + ' ' + what + ' de moins de ' + threshold + ' demandes ne ' + (hidden > 1 ? 'sont' : 'est')
      + ' pas tracé' + (hidden > 1 ? 's' : '') + ' (« < ' + threshold + ' » dans le tableau).' });
  }

  function barOptions(horizontal, stacked, axisTitle) {
    var valueAxis = { beginAtZero: true, stacked: stacked, ticks: { precision: 0 }, title: { display: !!axisTitle, text: axisTitle || '' } };
    var categoryAxis = { stacked: stacked, ticks: { autoSkip: !horizontal } };
    return {
      // Thin bars even when there are few: one category would otherwise fill the whole panel with a slab of colour.
      datasets: { bar: { maxBarThickness: horizontal ? 28 : 56 } },
      indexAxis: horizontal ? 'y' : 'x',
      scales: horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
      plugins: { legend: { display: stacked, position: 'bottom' } },
    };
  }

  var where = function () {
    var kind = $('kind') ? $('kind').value : '';
    return kind ? { kinds: [kind] } : null;
  };

  function statusQuery(operation, field) {
    var extras = ['completionRate', 'rejectionRate', 'overdue', 'projectionLagSeconds'].filter(function (f) { return schema.progress[f]; });
    return operation + '($where: RequestWhereInput) { ' + field + '(where: $where, groupBy: [STATUS]) { total asOf suppressionThreshold '
      + extras.join(' ') + ' groups { status count suppressed } } }';
  }

  function loadStatus() {
    return graphql(statusQuery('query', 'progress'), { where: where() }).then(function (body) {
      showStatus(data(body, 'progress'));
    });
  }

  function showStatus(progress) {
    drawn = figuresKey(progress);
    var threshold = progress.suppressionThreshold;
    showSummary(progress);
    var groups = progress.groups.slice().sort(function (a, b) { return STATUS_ORDER[a.status] - STATUS_ORDER[b.status]; });
    var shown = groups.filter(function (g) { return !g.suppressed && g.count != null; });
    var rows = groups.map(function (g) { return [STATUS_LABEL[g.status] || g.status, countText(g, threshold)]; });
    if (groups.length === 0) {
      render('status', null, null, el('p', { className: 'note', text: 'Aucune demande.' }));
      return;
    }

    render('status', {
      type: 'bar',
      data: {
        labels: shown.map(function (g) { return STATUS_LABEL[g.status] || g.status; }),
        datasets: [{ label: 'Demandes', data: shown.map(function (g) { return g.count; }), backgroundColor: shown.map(function (g) { return STATUS_COLOR[g.status]; }) }],
      },
      options: barOptions(true, false),
    }, table('Chiffres par statut', ['Statut', 'Demandes'], rows, true), suppressedNote(groups.length - shown.length, threshold, 'statut(s)'));
  }

  function loadGovernorates() {
    return graphql('query($where: RequestWhereInput) { progress(where: $where, groupBy: [GOVERNORATE]) { suppressionThreshold groups { governorate { code } count suppressed } } }', { where: where() })
      .then(function (body) {
        var progress = data(body, 'progress');
        var threshold = progress.suppressionThreshold;
        var code = function (g) { return g.governorate ? g.governorate.code : ''; };
        var groups = progress.groups.slice().sort(function (a, b) { return (b.count || 0) - (a.count || 0) || code(a).localeCompare(code(b)); });
        var shown = groups.filter(function (g) { return !g.suppressed && g.count != null; });
        var rows = groups.map(function (g) { return [governorateCell(code(g)), countText(g, threshold)]; });
        if (groups.length === 0) {
          render('governorate', null, null, el('p', { className: 'note', text: 'Aucune demande.' }));
          return;
        }

        render('governorate', {
          type: 'bar',
          data: {
            labels: shown.map(function (g) { return governorateLabel(code(g)); }),
            datasets: [{ label: 'Demandes', data: shown.map(function (g) { return g.count; }), backgroundColor: '#0b4f8a' }],
          },
          options: barOptions(true, false),
        }, table('Chiffres par gouvernorat (noms en arabe)', ['Gouvernorat', 'Demandes'], rows, false),
        suppressedNote(groups.length - shown.length, threshold, 'gouvernorat(s)'), shown.length > 10);
      });
  }

  function addDays(day, n) {
    var d = new Date(day + 'T00:00:00Z');
    d.setUTCDate(d.getUTCDate() + n);
    return d.toISOString().slice(0, 10);
  }

  function loadTimeline() {
    if (schema.dimensions.indexOf('SUBMITTED_DAY') < 0) {
      unavailable('timeline', 'le regroupement par jour de dépôt (SUBMITTED_DAY).');
      return Promise.resolve();
    }

    return graphql('query($where: RequestWhereInput) { progress(where: $where, groupBy: [SUBMITTED_DAY, STATUS]) { suppressionThreshold groups { submittedDay status count suppressed } } }', { where: where() })
      .then(function (body) {
        var progress = data(body, 'progress');
        var threshold = progress.suppressionThreshold;
        var groups = progress.groups.filter(function (g) { return g.submittedDay; });
        if (groups.length === 0) {
          render('timeline', null, null, el('p', { className: 'note', text: 'Aucune demande.' }));
          return;
        }

        // Every day from the first to the last (an empty day is a gap people should see), the last MAX_DAYS only.
        var daysSeen = groups.map(function (g) { return g.submittedDay; }).sort();
        var last = daysSeen[daysSeen.length - 1];
        var first = daysSeen[0];
        if (first < addDays(last, -(MAX_DAYS - 1))) first = addDays(last, -(MAX_DAYS - 1));
        var days = [];
        for (var day = first; day <= last; day = addDays(day, 1)) days.push(day);
        var statuses = [];
        groups.forEach(function (g) { if (statuses.indexOf(g.status) < 0) statuses.push(g.status); });
        statuses.sort(function (a, b) { return STATUS_ORDER[a] - STATUS_ORDER[b]; });
        var cell = {};
        groups.forEach(function (g) { cell[g.submittedDay + '|' + g.status] = g; });
        var inRange = groups.filter(function (g) { return g.submittedDay >= first; });
        var hidden = inRange.filter(function (g) { return g.suppressed || g.count == null; }).length;

        var rows = [];
        days.forEach(function (d) {
          statuses.forEach(function (s) {
            var g = cell[d + '|' + s];
            if (g) rows.push([d + ' · ' + (STATUS_LABEL[s] || s), countText(g, threshold)]);
          });
        });
        var label = function (d) { return dayFormat.format(new Date(d + 'T00:00:00Z')); };
        render('timeline', {
          type: 'bar',
          data: {
            labels: days.map(label),
            datasets: statuses.map(function (s) {
              return {
                label: STATUS_LABEL[s] || s,
                backgroundColor: STATUS_COLOR[s],
                data: days.map(function (d) { var g = cell[d + '|' + s]; return g && !g.suppressed ? g.count : null; }),
              };
            }),
          },
          options: barOptions(false, true, 'Demandes déposées ce jour-là'),
        }, table('Chiffres par jour et par statut', ['Jour · statut', 'Demandes'], rows, false),
        suppressedNote(hidden, threshold, 'case(s) jour × statut'));
      });
  }

  function loadRollout() {
    var query;
    var useSummary = schema.query.rollout && schema.rollout.byPhase;
    if (useSummary) {
      query = '{ rollout { asOf byPhase { phase count averageReadiness } } }';
    } else {
      query = '{ ' + PHASES.map(function (p) { return p[0].toLowerCase() + ': centers(first: 1, where: { phases: [' + p[0] + '] }) { totalCount }'; }).join(' ') + ' }';
    }

    return graphql(query).then(function (body) {
      var counts = {};
      var readiness = {};
      if (useSummary) {
        (data(body, 'rollout').byPhase || []).forEach(function (p) { counts[p.phase] = p.count; readiness[p.phase] = p.averageReadiness; });
      } else {
        PHASES.forEach(function (p) { counts[p[0]] = data(body, p[0].toLowerCase()).totalCount; });
      }

      var rows = PHASES.map(function (p) {
        var row = [p[1], counts[p[0]] == null ? '—' : numberFormat.format(counts[p[0]])];
        if (useSummary) row.push(readiness[p[0]] == null ? '—' : percentFormat.format(readiness[p[0]]));
        return row;
      });
      render('rollout', {
        type: 'bar',
        data: {
          labels: PHASES.map(function (p) { return p[1]; }),
          datasets: [{ label: 'Centres', data: PHASES.map(function (p) { return counts[p[0]] || 0; }), backgroundColor: PHASES.map(function (p) { return p[2]; }) }],
        },
        options: barOptions(false, false, 'Centres'),
      }, table('Chiffres par phase', useSummary ? ['Phase', 'Centres', 'Préparation moyenne'] : ['Phase', 'Centres'], rows, true));
    });
  }

  function loadDurations() {
    if (!schema.progress.timeToCompletion) {
      unavailable('durations', 'le service ne publie pas encore les délais (timeToCompletion).');
      return Promise.resolve();
    }

    var inStatus = schema.progress.timeInStatus ? ' timeInStatus { status p50Hours p90Hours count }' : '';
    return graphql('query($where: RequestWhereInput) { progress(where: $where) { suppressionThreshold timeToCompletion { p50Hours p90Hours count }' + inStatus + ' } }', { where: where() })
      .then(function (body) {
        var progress = data(body, 'progress');
        var threshold = progress.suppressionThreshold;
        var total = progress.timeToCompletion || {};
        var withheld = threshold > 0 ? 'non publié (moins de ' + threshold + ' demandes)' : '—';
        var headline = el('div', { className: 'headline' }, [
          el('div', {}, [el('span', { className: 'note', text: 'Dépôt → achèvement, médiane' }), el('span', { className: 'figure', id: 'ttc-p50', text: hoursText(total.p50Hours) || withheld })]),
          el('div', {}, [el('span', { className: 'note', text: '90ᵉ centile' }), el('span', { className: 'figure', text: hoursText(total.p90Hours) || withheld })]),
          el('div', {}, [el('span', { className: 'note', text: 'Demandes achevées' }), el('span', { className: 'figure', text: total.count == null ? withheld : numberFormat.format(total.count) })]),
        ]);
        var statuses = (progress.timeInStatus || []).slice().sort(function (a, b) { return STATUS_ORDER[a.status] - STATUS_ORDER[b.status]; });
        var shown = statuses.filter(function (s) { return s.p50Hours != null; });
        var rows = statuses.map(function (s) {
          return [STATUS_LABEL[s.status] || s.status, hoursText(s.p50Hours) || '< ' + threshold, hoursText(s.p90Hours) || '< ' + threshold, s.count == null ? '< ' + threshold : numberFormat.format(s.count)];
        });
        var config = shown.length === 0 ? null : {
          type: 'bar',
          data: {
            labels: shown.map(function (s) { return STATUS_LABEL[s.status] || s.status; }),
            datasets: [
              { label: 'Médiane (heures)', data: shown.map(function (s) { return s.p50Hours; }), backgroundColor: '#54aeff' },
              { label: '90ᵉ centile (heures)', data: shown.map(function (s) { return s.p90Hours; }), backgroundColor: '#0b4f8a' },
            ],
          },
          options: Object.assign(barOptions(true, false, 'Heures passées dans le statut'), { plugins: { legend: { display: true, position: 'bottom' } } }),
        };
        render('durations', config, rows.length ? table('Temps passé dans chaque statut', ['Statut', 'Médiane', '90ᵉ centile', 'Demandes'], rows, false) : null, headline);
      });
  }

  function loadCampaign() {
    var counters = CAMPAIGN_COUNTERS.filter(function (c) { return schema.campaignGovernorate[c[0]]; });
    var governorateField = schema.campaignGovernorate.governorate;
    if (!schema.query.campaigns || !schema.campaignProgress.byGovernorate || !governorateField || counters.length === 0) {
      unavailable('campaign', 'le service ne publie pas encore les campagnes et leurs objectifs (campaigns, progress.byGovernorate).');
      return Promise.resolve();
    }

    var governorateSelection = governorateField.kind === 'OBJECT' ? 'governorate { code }' : 'governorate';
    var reached = schema.campaignGovernorate.targetReached ? ' targetReached' : '';
    var query = '{ campaigns { id name' + (schema.campaign.schoolYear ? ' schoolYear' : '') + ' progress { byGovernorate { ' + governorateSelection + ' '
      + counters.map(function (c) { return c[0]; }).join(' ') + reached + ' } } } }';
    return graphql(query).then(function (body) {
      var campaigns = data(body, 'campaigns') || [];
      if (campaigns.length === 0) {
        render('campaign', null, null, el('p', { className: 'note', text: 'Aucune campagne enregistrée.' }));
        return;
      }

      // The newest campaign is the one being followed; older ones are over.
      var campaign = campaigns[campaigns.length - 1];
      var code = function (g) { return g.governorate && g.governorate.code ? g.governorate.code : g.governorate; };
      var lines = (campaign.progress.byGovernorate || []).slice().sort(function (a, b) { return String(code(a)).localeCompare(String(code(b))); });
      var rows = lines.map(function (g) {
        var row = [governorateCell(code(g))].concat(counters.map(function (c) { return g[c[0]] == null ? 'masqué' : numberFormat.format(g[c[0]]); }));
        if (reached) row.push(g.targetReached == null ? '—' : percentFormat.format(g.targetReached));
        return row;
      });
      var title = el('p', { className: 'note', text: campaign.name + (campaign.schoolYear ? ' · année scolaire ' + campaign.schoolYear : '') });
      render('campaign', {
        type: 'bar',
        data: {
          labels: lines.map(function (g) { return governorateLabel(code(g)); }),
          datasets: counters.filter(function (c) { return ['target', 'started', 'delivered'].indexOf(c[0]) >= 0; }).map(function (c) {
            return { label: c[1], backgroundColor: c[2], data: lines.map(function (g) { return g[c[0]]; }) };
          }),
        },
        options: Object.assign(barOptions(false, false, 'Élèves'), { plugins: { legend: { display: true, position: 'bottom' } } }),
      }, table('Chiffres par gouvernorat', ['Gouvernorat'].concat(counters.map(function (c) { return c[1]; })).concat(reached ? ['Part de l\'objectif'] : []), rows, false), title);
    });
  }

  var PROGRAMMES = [
    ['ROADS', 'Routes'],
    ['NEW_MUNICIPALITIES', 'Nouvelles communes'],
    ['MARKETS', 'Marchés'],
    ['DUMPS', 'Décharges'],
    ['NEIGHBOURHOODS', 'Quartiers'],
    ['GREEN_SPACES', 'Espaces verts'],
    ['WASTE_SYSTEM', 'Gestion des déchets'],
  ];

  /** "138200000.500" → "138 200 000,500 DT": the API's exact dinars, grouped the French way, never through a float. */
  function dinarsText(money) {
    if (!money || money.dinars == null) return '—';
    var parts = String(money.dinars).split('.');
    var negative = parts[0].charAt(0) === '-';
    var whole = numberFormat.format(BigInt(negative ? parts[0].slice(1) : parts[0]));
    return (negative ? '-' : '') + whole + (parts[1] ? ',' + parts[1] : '') + ' DT';
  }

  function millionsOf(money) { return money && money.dinars != null ? Number(money.dinars) / 1e6 : null; }

  function tunisYear() {
    return Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Africa/Tunis' }).format(new Date()));
  }

  function loadFundUse() {
    if (!schema.query.fundUse) {
      unavailable('funduse', 'ce service ne publie pas l\'utilisation du fonds (fundUse).');
      return Promise.resolve();
    }

    var year = tunisYear();
    var figures = 'allocations municipalities reserved { dinars } allocated { dinars } disbursed { dinars }';
    // The programmes' names come from the fund when the token may read it; the codes' French names otherwise.
    var query = 'query($y: Int!) { fundUse(year: $y, groupBy: [PROGRAMME]) { asOf totals { ' + figures + ' } groups { programme figures { ' + figures + ' } } }'
      + (schema.query.fund ? ' names: fund(year: $y) { programmes { code nameFr nameAr } }' : '') + ' }';
    return graphql(query, { y: year }).then(function (body) {
      var refusal = body.errors && body.errors[0] && body.errors[0].extensions && body.errors[0].extensions.code;
      if (refusal === 'NOT_FOUND' && !(body.data && body.data.fundUse)) {
        render('funduse', null, null, el('p', { className: 'note', text: 'Aucun fonds ouvert pour l\'année ' + year + '.' }));
        return;
      }

      var use = data(body, 'fundUse');
      var names = {};
      PROGRAMMES.forEach(function (p) { names[p[0]] = { nameFr: p[1] }; });
      ((body.data.names && body.data.names.programmes) || []).forEach(function (p) { names[p.code] = p; });
      var label = function (code) { return (names[code] && names[code].nameFr) || code; };
      var order = {};
      PROGRAMMES.forEach(function (p, i) { order[p[0]] = i; });
      var groups = (use.groups || []).filter(function (g) { return g.programme; })
        .sort(function (a, b) { return (order[a.programme] == null ? 99 : order[a.programme]) - (order[b.programme] == null ? 99 : order[b.programme]); });
      var cell = function (code) {
        var n = names[code];
        return n && n.nameAr ? el('span', {}, [n.nameFr + ' ', el('span', { lang: 'ar', dir: 'rtl', text: n.nameAr })]) : el('span', { text: label(code) });
      };
      var row = function (name, f) {
        return [name, numberFormat.format(f.allocations), numberFormat.format(f.municipalities), dinarsText(f.reserved), dinarsText(f.allocated), dinarsText(f.disbursed)];
      };
      var rows = groups.map(function (g) { return row(cell(g.programme), g.figures); });
      rows.push(row(el('strong', { text: 'Total' }), use.totals));
      var note = el('p', { className: 'note', text: 'Fonds de prêts et de soutien aux collectivités locales, année ' + year + ' · données au '
        + dateTimeFormat.format(new Date(use.asOf)) });
      if (groups.length === 0) {
        render('funduse', null, table('Chiffres par programme', ['Programme', 'Affectations', 'Communes', 'Réservé', 'Affecté', 'Décaissé'], rows, true), note);
        return;
      }

      render('funduse', {
        type: 'bar',
        data: {
          labels: groups.map(function (g) { return label(g.programme); }),
          datasets: [
            { label: 'Réservé', backgroundColor: '#d4a72c', data: groups.map(function (g) { return millionsOf(g.figures.reserved); }) },
            { label: 'Affecté', backgroundColor: '#0969da', data: groups.map(function (g) { return millionsOf(g.figures.allocated); }) },
            { label: 'Décaissé', backgroundColor: '#1a7f37', data: groups.map(function (g) { return millionsOf(g.figures.disbursed); }) },
          ],
        },
        options: Object.assign(barOptions(true, false, 'Millions de dinars'), { plugins: { legend: { display: true, position: 'bottom' } } }),
      }, table('Chiffres par programme', ['Programme', 'Affectations', 'Communes', 'Réservé', 'Affecté', 'Décaissé'], rows, false), note);
    });
  }

  // ---- Live updates ----------------------------------------------------------------------------------------------

  function setLive(state, text) {
    $('live').setAttribute('data-state', state);
    $('live').textContent = text;
  }

  function stopPolling() {
    if (timer) clearInterval(timer);
    timer = null;
  }

  /** Every minute: the figures, and another try at the live connection. */
  function startPolling() {
    setLive('polling', 'Pas de connexion en direct : actualisation chaque minute');
    if (timer) return;
    timer = setInterval(function () {
      if (document.hidden) return;
      refresh().then(function () { if (!live && token) connectLive(); });
    }, REFRESH_MS);
  }

  function disconnectLive() {
    var connection = live;
    live = null;
    if (connection) {
      connection.closedByUs = true;
      connection.socket.close(1000);
    }
  }

  /**
   * progressChanged over graphql-transport-ws, with the same where as the panels: each snapshot whose figures differ
   * from those drawn redraws every panel. A closed or refused socket falls back to asking every minute.
   */
  function connectLive() {
    disconnectLive();
    if (!token || !schema || !schema.subscription.progressChanged || !window.WebSocket) {
      startPolling();
      return;
    }

    var socket;
    try {
      socket = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/graphql', 'graphql-transport-ws');
    } catch (error) {
      startPolling();
      return;
    }

    var connection = { socket: socket, closedByUs: false };
    live = connection;
    setLive('connecting', 'Connexion en direct…');
    socket.onopen = function () {
      socket.send(JSON.stringify({ type: 'connection_init', payload: { Authorization: 'Bearer ' + token } }));
    };
    socket.onmessage = function (event) {
      var message;
      try {
        message = JSON.parse(event.data);
      } catch (error) {
        return;
      }

      if (message.type === 'connection_ack') {
        socket.send(JSON.stringify({ id: 'progress', type: 'subscribe', payload: { query: statusQuery('subscription', 'progressChanged'), variables: { where: where() } } }));
      } else if (message.type === 'ping') {
        socket.send(JSON.stringify({ type: 'pong' }));
      } else if (message.type === 'next' && message.id === 'progress') {
        var progress = message.payload && message.payload.data && message.payload.data.progressChanged;
        if (!progress) {
          socket.close(1000);
          return;
        }

        stopPolling();
        setLive('live', 'En direct');
        if (figuresKey(progress) !== drawn) refresh(progress);
      } else if (message.type === 'error' || message.type === 'complete') {
        socket.close(1000);
      }
    };
    socket.onclose = function () {
      if (live !== connection) return;
      live = null;
      startPolling();
    };
  }

  var drawn = null;

  function figuresKey(progress) { return JSON.stringify([progress.total, progress.groups]); }


  // ---- Summary and flow ------------------------------------------------------------------------------------------

  function showSummary(progress) {
    var threshold = progress.suppressionThreshold;
    $('total').textContent = progress.total == null ? '< ' + threshold : numberFormat.format(progress.total);
    $('as-of').textContent = dateTimeFormat.format(new Date(progress.asOf));
    $('lag').textContent = progress.projectionLagSeconds == null ? '' : 'Retard de la projection : ' + decimalFormat.format(progress.projectionLagSeconds) + ' s';
    $('suppression-note').textContent = threshold > 0
      ? 'Secret statistique : les groupes de moins de ' + threshold + ' demandes sont masqués (« < ' + threshold + ' ») et ne sont pas tracés.'
      : 'Votre périmètre est affiché sans masquage (rôle de supervision).';
    var rate = function (tile, id, value, format) {
      $(tile).hidden = value === undefined;
      if (value !== undefined) $(id).textContent = value == null ? 'masqué' : format(value);
    };
    rate('tile-completion', 'completion-rate', progress.completionRate, function (v) { return percentFormat.format(v); });
    rate('tile-rejection', 'rejection-rate', progress.rejectionRate, function (v) { return percentFormat.format(v); });
    rate('tile-overdue', 'overdue', progress.overdue, function (v) { return numberFormat.format(v); });
  }

  function setStatus(state, text) {
    $('status').setAttribute('data-state', state);
    $('status').textContent = text;
  }

  /** Redraws every panel; with a live snapshot, the status panel and the summary come from it instead of a query. */
  function refresh(snapshot) {
    if (!token) return Promise.resolve();
    if (loading) {
      again = true;
      return Promise.resolve();
    }

    loading = true;
    if (!snapshot) setStatus('loading', 'Chargement des chiffres…');
    var ready = schema ? Promise.resolve() : Promise.all([introspect(), loadGovernorateNames()]).then(function (r) { schema = r[0]; governorateNames = r[1]; });
    return ready
      .then(function () {
        // The status panel goes first: it says whether the token may see anything at all.
        return snapshot ? showStatus(snapshot) : loadStatus();
      })
      .then(function () {
        $('summary').hidden = false;
        $('panels').hidden = false;
        var others = { governorate: loadGovernorates, timeline: loadTimeline, rollout: loadRollout, durations: loadDurations, campaign: loadCampaign, funduse: loadFundUse };
        return Promise.all(Object.keys(others).map(function (id) {
          return Promise.resolve().then(others[id]).catch(function (error) { panelError(id, error); });
        }));
      })
      .then(function () {
        setStatus('ready', 'Chiffres affichés.');
        $('refreshed').textContent = 'Actualisé à ' + new Intl.DateTimeFormat('fr-FR', { timeStyle: 'medium', timeZone: 'Africa/Tunis' }).format(new Date());
        document.body.setAttribute('data-loaded', String(Date.now()));
      })
      .catch(function (error) {
        if (error instanceof AuthError) {
          // Asking again every minute, or following live, with a token the API refuses would only repeat the refusal.
          stopPolling();
          disconnectLive();
          setLive('off', '');
          $('summary').hidden = true;
          $('panels').hidden = true;
          again = false;
        }

        setStatus('error', error.message || String(error));
      })
      .then(function () {
        loading = false;
        if (again) {
          again = false;
          return refresh();
        }
      });
  }

  function useToken(value) {
    token = (value || '').trim().replace(/^Bearer\s+/i, '');
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
    $('token').value = '';
    $('forget-token').hidden = !token;
    $('token').placeholder = token ? 'Jeton en place (collez-en un autre pour le remplacer)' : 'eyJ…';
    stopPolling();
    disconnectLive();
    setLive('off', '');
    if (!token) {
      $('summary').hidden = true;
      $('panels').hidden = true;
      setStatus('idle', 'Aucun jeton : collez-en un pour voir les chiffres.');
      return Promise.resolve();
    }

    return refresh().then(function () {
      if ($('status').getAttribute('data-state') === 'ready') connectLive();
    });
  }

  function addKindFilter() {
    var select = el('select', { id: 'kind', 'aria-label': 'Type de demande' }, [
      el('option', { value: '', text: 'Toutes les demandes' }),
      el('option', { value: 'NATIONAL_ID_CARD', text: 'Carte d\'identité' }),
      el('option', { value: 'CRIMINAL_RECORD_EXTRACT', text: 'Bulletin n° 3' }),
    ]);
    select.addEventListener('change', function () {
      refresh().then(function () { if (live) connectLive(); });
    });
    $('refresh').parentNode.insertBefore(el('label', { className: 'note' }, ['Afficher : ', select]), $('refresh'));
  }

  $('token-form').addEventListener('submit', function (event) {
    event.preventDefault();
    if ($('token').value.trim()) useToken($('token').value);
    else if (token) refresh();
    else setStatus('error', 'Collez d\'abord un jeton.');
  });
  $('forget-token').addEventListener('click', function () { useToken(''); });
  $('refresh').addEventListener('click', function () { refresh(); });
  $('dev-token').addEventListener('click', function () {
    setStatus('loading', 'Demande d\'un jeton de développement…');
    fetch('/dev/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ role: 'ANALYST', subject: 'analyst-dashboard' }) })
      .then(function (response) { return response.json(); })
      .then(function (answer) {
        if (!answer.token) throw new Error(answer.error || 'pas de jeton');
        return useToken(answer.token);
      })
      .catch(function (error) { setStatus('error', 'Pas de jeton de développement : ' + error.message); });
  });

  addKindFilter();
  if (window.Chart) {
    window.Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
    window.Chart.defaults.color = '#1b1f24';
  }

  // /dev/token exists in Development only, for POST: a GET is 405 there, 404 elsewhere.
  fetch('/dev/token', { method: 'GET' })
    .then(function (response) {
      if (response.status === 405) $('dev-token').hidden = false;
      return response.text();
    })
    .catch(function () { /* No button: tokens are pasted. */ });

  useToken(token);
})();

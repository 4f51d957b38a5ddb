// Example operations for each pathway, offered as GraphiQL tabs and in the Examples menu.
// Each says which role to pick; ids come from the previous example's result (variables pane).
(function () {
  'use strict';

  var tunisOffice = 'U2VydmljZUNlbnRlcjpUTjExLUdVMQ'; // center TN11-GU1 (ID cards)
  var tunisJudicialOffice = 'U2VydmljZUNlbnRlcjpUTjExLUJKMQ'; // center TN11-BJ1 (bulletin no. 3)

  // A pupil of 14 today, so that the example never ages out of the school range.
  var now = new Date();
  var pupilBirthDate = (now.getFullYear() - 14) + '-03-15';

  function json(value) {
    return JSON.stringify(value, null, 2);
  }

  function lines(text) {
    return text.join('\n') + '\n';
  }

  window.ActorsExamples = [
    {
      name: 'ID card: a citizen submits',
      role: 'CITIZEN',
      query: lines([
        '# Pick the role CITIZEN above, then run (Ctrl+Enter). The platform then verifies it by itself',
        '# (civil registry, Education for pupils): next, "Pay online" with the request id.',
        'mutation SubmitIdCard($input: SubmitIdCardRequestInput!) {',
        '  submitIdCardRequest(input: $input) {',
        '    request { id reference status availableActions }',
        '    errors { __typename ... on Error { code message } }',
        '  }',
        '}',
      ]),
      variables: json({
        input: {
          reason: 'RENEWAL',
          centerId: tunisOffice,
          idempotencyKey: 'graphiql-id-card',
          applicant: { givenName: 'Amira', familyName: 'Ben Salah', birthDate: '1995-02-03', nationalIdNumber: '01234567' },
        },
      }),
    },
    {
      name: 'Pay online (citizen)',
      role: 'CITIZEN',
      query: lines([
        '# Pick CITIZEN (the owner), paste the request id. 1. ReadRequest: status AWAITING_PAYMENT once verified,',
        '# history names the systems, exchanges lists what was asked. 2. StartPayment: open redirectUrl in a new',
        '# tab and pay with the test card 4242 4242 4242 4242 (any future expiry, any CVC; declined: 4000 0000 0000 0002).',
        '# 3. ReadRequest again: PAID (or watch it live: subscription { requestStatusChanged(id: ...) { status } }).',
        'query ReadRequest($id: ID!) {',
        '  request(id: $id) { status pendingOn correction { code field reason } history { status actor reason }',
        '    payments { orderId status declineCode events { kind at } }',
        '    exchanges(first: 10) { nodes { system purpose outcome detail } } }',
        '  sandboxNotifications(requestId: $id) { channel template text }',
        '}',
        'mutation StartPayment($id: ID!) {',
        '  startPayment(input: { requestId: $id, idempotencyKey: "graphiql-pay" }) {',
        '    payment { orderId status amount { dinars currency } redirectUrl expiresAt }',
        '    errors { __typename ... on Error { code message } }',
        '  }',
        '}',
      ]),
      variables: json({ id: '<request id>' }),
    },
    {
      name: 'ID card: the agent moves it along',
      role: 'AGENT',
      query: lines([
        '# Pick AGENT at center TN11-GU1, paste the request id, run each step in turn',
        '# (the operation picker next to the run button), as availableActions says. Verification and payment',
        '# happen by themselves; the first three steps are the manual path for when a system is down (pendingOn).',
        'mutation StartVerification($id: ID!) { startVerification(input: { requestId: $id }) { request { status availableActions } errors { ... on Error { code message } } } }',
        'mutation ConfirmVerification($id: ID!) { confirmVerification(input: { requestId: $id }) { request { status availableActions } errors { ... on Error { code message } } } }',
        'mutation RecordPayment($id: ID!) { recordPayment(input: { requestId: $id, paymentReference: "CASH-1", amountMillimes: 3000 }) { request { status availableActions } errors { ... on Error { code message } } } }',
        '# bookAppointment: the citizen (or the agent) with at: a DateTime in the future',
        'mutation BookAppointment($id: ID!) { bookAppointment(input: { requestId: $id, at: "2030-03-02T09:30:00+01:00" }) { request { status appointment { at } } errors { ... on Error { code message } } } }',
        'mutation RecordBiometrics($id: ID!) { recordBiometrics(input: { requestId: $id }) { request { status } errors { ... on Error { code message } } } }',
        'mutation StartProduction($id: ID!) { startProduction(input: { requestId: $id }) { request { status } errors { ... on Error { code message } } } }',
        'mutation MarkReady($id: ID!) { markReadyForDelivery(input: { requestId: $id }) { request { status } errors { ... on Error { code message } } } }',
        'mutation ConfirmDelivery($id: ID!) { confirmDelivery(input: { requestId: $id }) { request { status isFinal history { status at } } errors { ... on Error { code message } } } }',
      ]),
      variables: json({ id: '<request id>' }),
    },
    {
      name: 'Pupil with a guardian (education officer)',
      role: 'EDUCATION_OFFICER',
      query: lines([
        '# Pick EDUCATION_OFFICER, then run. A minor needs a guardian who consents;',
        '# the card may then be delivered at school: confirmDelivery(input: { requestId, channel: SCHOOL }).',
        'mutation SubmitPupilCard($input: SubmitIdCardRequestInput!) {',
        '  submitIdCardRequest(input: $input) {',
        '    request { id reference status isPupil pupil { schoolCode } guardian { fullName relationship } }',
        '    errors { __typename ... on Error { code message } }',
        '  }',
        '}',
      ]),
      variables: json({
        input: {
          reason: 'FIRST_ISSUE',
          centerId: tunisOffice,
          idempotencyKey: 'graphiql-pupil',
          applicant: { givenName: 'Sami', familyName: 'Jlassi', birthDate: pupilBirthDate },
          pupil: { schoolCode: 'LYC-0042', schoolName: 'Lycée pilote (démo)', grade: '9' },
          guardian: { fullName: 'Mourad Jlassi', nationalIdNumber: '07654321', relationship: 'father', consentGiven: true },
        },
      }),
    },
    {
      name: 'Bulletin no. 3: request, issue, verify',
      role: 'CITIZEN',
      query: lines([
        '# 1. As CITIZEN: SubmitExtract; it is verified by itself. 2. "Pay online" with its id; Justice is then',
        '# asked and a clean record is ISSUED by itself (card number 00000021 has entries: REFERRED).',
        '# StartRecordCheck and IssueExtract are the manual path (AGENT at TN11-BJ1) for when Justice is down.',
        '# 3. As CITIZEN: ReadCode. 4. Anyone: Verify.',
        'mutation SubmitExtract($input: SubmitCriminalRecordRequestInput!) {',
        '  submitCriminalRecordRequest(input: $input) {',
        '    request { id reference kind status fee { dinars } }',
        '    errors { __typename ... on Error { code message } }',
        '  }',
        '}',
        'mutation StartRecordCheck($id: ID!) { startRecordCheck(input: { requestId: $id }) { request { status } errors { ... on Error { code message } } } }',
        'mutation IssueExtract($id: ID!) { issueExtract(input: { requestId: $id }) { request { status isFinal } errors { ... on Error { code message } } } }',
        'query ReadCode($id: ID!) { node(id: $id) { ... on CitizenRequest { reference status documentCode } } }',
        'query Verify($code: String!) { verifyDocument(code: $code, holderBirthDate: "1995-02-03") { valid kind reference holderName issuedAt } }',
      ]),
      variables: json({
        input: {
          centerId: tunisJudicialOffice,
          purpose: 'Job application',
          idempotencyKey: 'graphiql-extract',
          applicant: { givenName: 'Amira', familyName: 'Ben Salah', birthDate: '1995-02-03', nationalIdNumber: '01234567' },
        },
        id: '<request id>',
        code: '<documentCode>',
      }),
    },
    {
      name: 'Fund: the 2026 budget and its allocations',
      role: 'FUND_MANAGER',
      query: lines([
        '# Pick FUND_MANAGER (ANALYST and OPERATOR may read it too), then run.',
        'query Fund {',
        '  fund(year: 2026) {',
        '    appropriation { dinars } programmed { dinars } unprogrammed { dinars }',
        '    reserved { dinars } allocated { dinars } available { dinars }',
        '    programmes { code name available { dinars } }',
        '  }',
        '}',
      ]),
      variables: '',
    },
    {
      name: 'Progress: counts for analysts',
      role: 'ANALYST',
      query: lines([
        '# Pick ANALYST (the whole country, groups under 5 withheld), SUPERVISOR (a governorate)',
        '# or AGENT (a center), then run.',
        'query Progress {',
        '  progress(groupBy: [GOVERNORATE, STATUS]) {',
        '    total asOf',
        '    groups { governorate { name } status count suppressed }',
        '  }',
        '}',
      ]),
      variables: '',
    },
    {
      name: 'Exchange log of a request',
      role: 'SUPERVISOR',
      query: lines([
        '# Pick SUPERVISOR (governorate TUNIS for the Tunis office) or AGENT (a center), paste a request id, then run.',
        '# Every exchange with another administration made for the request, newest first: what was asked',
        '# (names of fields, never their values), the outcome, the latency. Drop requestId for the whole',
        '# governorate, or filter by systems: [CIVIL_REGISTRY, EDUCATION, JUSTICE, PAYMENT_GATEWAY, NOTIFICATIONS].',
        'query ExchangeLog($id: ID!) {',
        '  exchanges(where: { requestId: $id }, first: 20) {',
        '    totalCount asOf',
        '    nodes { at system purpose dataItems outcome detail latencyMilliseconds attempts triggeredBy requestReference }',
        '    pageInfo { hasNextPage endCursor }',
        '  }',
        '}',
      ]),
      variables: json({ id: '<request id>' }),
    },
  ];
})();

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Actors.Api.Audit;
using Actors.Api.Authorization;
using Actors.Api.Identity;
using Actors.Contracts.Identity;
using Actors.Contracts.Naming;
using Actors.Contracts.Requests;
using Actors.Tests.Api;
using Actors.Tests.Transport;
using GraphQL.Types;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Tests.Authorization;

/// <summary>
/// The authorization matrix against the schema and the running API: every root field, personal field and endpoint has
/// a row, and every caller (anonymous, each role, a token with an unknown role, a token of another issuer with the same
/// subject) gets from every operation what its row says. Generated from the schema, so a new field without a row fails.
/// </summary>
public sealed class AuthorizationMatrixTests(AuthorizationHost host) : IClassFixture<AuthorizationHost>
{
    private const string Unauthenticated = "UNAUTHENTICATED";
    private const string Forbidden = "FORBIDDEN";

    [Fact]
    public void Every_query_mutation_and_subscription_field_has_a_row_and_every_row_a_field()
    {
        var schema = Schema();
        var fields = RootFields(schema).Select(f => $"{f.Kind}.{f.Field.Name}").ToHashSet();
        var missing = fields.Where(f => !AuthorizationMatrix.Rows.ContainsKey(f)).ToList();
        var stale = AuthorizationMatrix.Fields.Select(r => r.Coordinate)
            .Where(c => schema.AllTypes[AuthorizationMatrix.TypeOf(c)] is not IComplexGraphType type || type.GetField(c[(c.IndexOf('.') + 1)..]) is null)
            .ToList();

        Assert.True(missing.Count == 0, "Fields without a row in api/Authorization/AuthorizationMatrix.cs: " + string.Join(", ", missing));
        Assert.True(stale.Count == 0, "Rows naming no field of the schema: " + string.Join(", ", stale));
    }

    [Fact]
    public void Every_personal_field_is_nullable_and_behind_its_row()
    {
        var schema = Schema();
        var personal = AuthorizationMatrix.PersonalFields.ToList();
        Assert.Contains(personal, r => r.Coordinate == "CitizenRequest.applicant");
        foreach (var rule in personal)
        {
            var type = Assert.IsAssignableFrom<IObjectGraphType>(schema.AllTypes[AuthorizationMatrix.TypeOf(rule.Coordinate)]);
            var field = type.GetField(rule.Coordinate[(rule.Coordinate.IndexOf('.') + 1)..]);
            Assert.NotNull(field);
            Assert.False(field.ResolvedType is NonNullGraphType, $"{rule.Coordinate} must be nullable: a refused caller gets null and FORBIDDEN.");
            // Audited around its authorization, so that a refused read is in the trail too.
            var audited = Assert.IsType<AuditedFieldResolver>(field.Resolver);
            Assert.Same(rule, Assert.IsType<AuthorizedFieldResolver>(audited.Inner).Rule);
        }
    }

    [Fact]
    public void Every_http_endpoint_has_a_row_and_every_row_an_endpoint()
    {
        var mapped = host.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Where(m => m != "CONNECT" && m != "HEAD")
                .Select(m => AuthorizationMatrix.EndpointCoordinate(m, e.RoutePattern.RawText!)))
            .ToHashSet();
        var missing = mapped.Where(c => !AuthorizationMatrix.Rows.ContainsKey(c)).Order().ToList();
        var stale = AuthorizationMatrix.Endpoints.Select(r => r.Coordinate).Where(c => !mapped.Contains(c)).ToList();

        Assert.True(missing.Count == 0, "Endpoints without a row: " + string.Join(", ", missing));
        Assert.True(stale.Count == 0, "Rows naming no endpoint: " + string.Join(", ", stale));
    }

    [Fact]
    public void The_request_steps_agree_with_the_grains_table()
    {
        foreach (var transition in RequestTransitions.All)
        {
            var name = RequestOperations.For(transition.Action).Name;
            var rule = AuthorizationMatrix.For("Mutation." + name);
            Assert.Equal(transition.OwnerMayAct, rule.For(ActorRole.Citizen) == AccessScope.Own);
            Assert.Equal(transition.Roles.Contains(ActorRole.Agent), rule.For(ActorRole.Agent) == AccessScope.Center);
            Assert.Equal(transition.Roles.Contains(ActorRole.Supervisor), rule.For(ActorRole.Supervisor) == AccessScope.Governorate);
            Assert.True(!transition.OwnerMayAct ? rule.For(ActorRole.EducationOfficer) == AccessScope.None : true, name);
            Assert.All([ActorRole.Analyst, ActorRole.FundManager, ActorRole.Operator], role => Assert.Equal(AccessScope.None, rule.For(role)));
            Assert.Equal(AccessScope.None, rule.Anonymous);
        }
    }

    [Fact]
    public async Task Every_caller_gets_from_every_query_and_mutation_what_its_row_says()
    {
        var failures = new List<string>();
        var callers = await CallersAsync();
        foreach (var probe in Probes().Where(p => p.Kind != "Subscription"))
        {
            var rule = AuthorizationMatrix.For(probe.Coordinate);
            foreach (var caller in callers)
            {
                var (_, body) = await PostAsync(probe, caller.Token);
                var codes = Codes(body);
                var allowed = rule.For(caller.Role is { } role ? new Actor("probe", role) : null) != AccessScope.None;
                var expected = caller.Role is null ? Unauthenticated : Forbidden;
                if (allowed && (codes.Contains(Forbidden) || codes.Contains(Unauthenticated)))
                {
                    failures.Add($"{probe} as {caller}: allowed by the matrix, refused: {body}");
                }
                else if (!allowed && (!codes.Contains(expected) || codes.Contains("BAD_USER_INPUT")))
                {
                    // BAD_USER_INPUT too would mean the input was read before the verdict.
                    failures.Add($"{probe} as {caller}: refused by the matrix, expected only {expected}: {body}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task A_token_with_an_unknown_role_or_of_another_issuer_is_refused_with_401_everywhere()
    {
        var unknownRole = host.ForgedToken(host.Issuer, (ActorClaims.Subject, "citizen-authz"), (ActorClaims.Role, "JANITOR"));
        var otherIssuer = host.ForgedToken("https://another-issuer.example", (ActorClaims.Subject, "citizen-authz"), (ActorClaims.Role, "CITIZEN"));
        var failures = new List<string>();
        foreach (var probe in Probes().Where(p => p.Kind != "Subscription"))
        {
            foreach (var (name, token) in new[] { ("unknown role", unknownRole), ("another issuer", otherIssuer) })
            {
                var (status, body) = await PostAsync(probe, token);
                if (status != HttpStatusCode.Unauthorized || !Codes(body).Contains(Unauthenticated) || body["data"] is not null)
                {
                    failures.Add($"{probe} with a token of {name}: {(int)status} {body}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Every_caller_gets_from_every_subscription_what_its_row_says()
    {
        var address = new UriBuilder(host.BaseAddress) { Scheme = "ws", Path = "/graphql" }.Uri;
        var failures = new List<string>();
        foreach (var probe in Probes().Where(p => p.Kind == "Subscription"))
        {
            var rule = AuthorizationMatrix.For(probe.Coordinate);
            foreach (var caller in await CallersAsync())
            {
                await using var client = await GraphQLWebSocketTestClient.ConnectAndInitAsync(
                    address, caller.Token is null ? null : new { Authorization = "Bearer " + caller.Token });
                await client.SubscribeAsync("probe", probe.Text, probe.Variables);
                var receive = client.ReceiveAsync();
                Assert.Same(receive, await Task.WhenAny(receive, Task.Delay(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken)));
                var message = await receive;
                // A refused source stream is an execution result with errors and no data (or an error message).
                var type = GraphQLWebSocketTestClient.Type(message);
                var errors = type == "error" ? message["payload"] as JsonArray : message["payload"]?["errors"] as JsonArray;
                var codes = (errors ?? []).Select(e => e?["extensions"]?["code"]?.GetValue<string>()).ToList();
                var refused = type == "error" || (type == "next" && message["payload"]?["data"] is null && codes.Count > 0);
                var allowed = rule.For(caller.Role is { } role ? new Actor("probe", role) : null) != AccessScope.None;
                var expected = caller.Role is null ? Unauthenticated : Forbidden;
                if (allowed && (codes.Contains(Forbidden) || codes.Contains(Unauthenticated)))
                {
                    failures.Add($"{probe} as {caller}: allowed by the matrix, refused: {message}");
                }
                else if (!allowed && (!refused || !codes.Contains(expected)))
                {
                    failures.Add($"{probe} as {caller}: refused by the matrix, expected {expected}: {message}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task A_personal_field_a_role_may_not_read_is_null_with_FORBIDDEN_and_the_rest_of_the_answer_intact()
    {
        var id = await SubmitAsync("citizen-" + Guid.NewGuid().ToString("N")[..8]);
        var supervisor = await host.Token("SUPERVISOR", "supervisor-authz", governorate: AuthorizationHost.Governorate);

        var result = await host.GraphQL(
            "query($id: ID!) { request(id: $id) { reference applicant { familyName } contact { phone } } }", new { id }, supervisor);

        var request = result["data"]!["request"]!;
        Assert.StartsWith("CIN-", request["reference"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Ben Salah", request["applicant"]!["familyName"]!.GetValue<string>());
        Assert.Null(request["contact"]);
        var error = Assert.Single(result["errors"]!.AsArray())!;
        Assert.Equal(Forbidden, error["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal(["request", "contact"], error["path"]!.AsArray().Select(p => p!.GetValue<string>()));
    }

    [Fact]
    public async Task The_personal_fields_of_a_request_follow_their_rows_for_each_role_that_reaches_it()
    {
        var owner = "citizen-" + Guid.NewGuid().ToString("N")[..8];
        var id = await SubmitAsync(owner);
        var readers = new (ActorRole Role, string Token)[]
        {
            (ActorRole.Citizen, await host.Token("CITIZEN", owner, nationalIdNumber: "01234567")),
            (ActorRole.Agent, await host.Token("AGENT", "agent-authz", AuthorizationHost.Center)),
            (ActorRole.Supervisor, await host.Token("SUPERVISOR", "supervisor-authz", governorate: AuthorizationHost.Governorate)),
        };
        var type = (IObjectGraphType)Schema().AllTypes["CitizenRequest"]!;
        var fields = AuthorizationMatrix.PersonalFields.Where(r => AuthorizationMatrix.TypeOf(r.Coordinate) == "CitizenRequest").ToList();
        var selection = string.Join(" ", fields.Select(r =>
        {
            var field = type.GetField(r.Coordinate["CitizenRequest.".Length..])!;
            return field.ResolvedType is ScalarGraphType or EnumerationGraphType ? field.Name : field.Name + " { __typename }";
        }));

        foreach (var (role, token) in readers)
        {
            var result = await host.GraphQL($"query($id: ID!) {{ request(id: $id) {{ reference {selection} }} }}", new { id }, token);
            Assert.NotNull(result["data"]!["request"]!["reference"]);
            var refused = (result["errors"] as JsonArray ?? [])
                .Where(e => e!["extensions"]!["code"]!.GetValue<string>() == Forbidden)
                .Select(e => "CitizenRequest." + e!["path"]!.AsArray().Last()!.GetValue<string>())
                .Order().ToList();
            Assert.Equal(fields.Where(r => r.For(role) == AccessScope.None).Select(r => r.Coordinate).Order(), refused);
        }
    }

    [Fact]
    public async Task A_citizen_sees_the_role_and_center_of_the_staff_who_acted_never_their_identity()
    {
        var owner = "citizen-" + Guid.NewGuid().ToString("N")[..8];
        var id = await SubmitAsync(owner);
        var agent = await host.Token("AGENT", "agent-named-in-history", AuthorizationHost.Center);
        var step = await host.GraphQL(
            "mutation($in: StartVerificationInput!) { startVerification(input: $in) { request { status } errors { __typename } } }",
            new { @in = new { requestId = id } }, agent);
        Assert.Equal("VERIFYING", step["data"]!["startVerification"]!["request"]!["status"]!.GetValue<string>());

        const string History = "query($id: ID!) { request(id: $id) { history { status actor } } }";
        var asCitizen = (await host.GraphQL(History, new { id }, await host.Token("CITIZEN", owner, nationalIdNumber: "01234567")))["data"]!["request"]!["history"]!.AsArray();
        var asAgent = (await host.GraphQL(History, new { id }, agent))["data"]!["request"]!["history"]!.AsArray();

        Assert.Equal($"CITIZEN:{owner}", asCitizen[0]!["actor"]!.GetValue<string>());
        Assert.Equal($"AGENT @ {AuthorizationHost.Center}", asCitizen[1]!["actor"]!.GetValue<string>());
        Assert.DoesNotContain(asCitizen, e => e!["actor"]!.GetValue<string>().Contains("agent-named-in-history", StringComparison.Ordinal));
        Assert.Equal("AGENT:agent-named-in-history", asAgent[1]!["actor"]!.GetValue<string>());
    }

    [Fact]
    public async Task Every_caller_gets_from_every_endpoint_what_its_row_says()
    {
        var failures = new List<string>();
        var callers = await CallersAsync();
        foreach (var rule in AuthorizationMatrix.Endpoints)
        {
            var method = rule.Coordinate[..rule.Coordinate.IndexOf(' ')];
            var path = EndpointPath(rule.Coordinate[(method.Length + 1)..]);
            foreach (var caller in callers)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                if (method == "POST")
                {
                    request.Content = new StringContent("", System.Text.Encoding.UTF8, "application/json");
                }

                if (caller.Token is not null)
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", caller.Token);
                }

                using var response = await host.Http.SendAsync(request, TestContext.Current.CancellationToken);
                var allowed = rule.For(caller.Role is { } role ? new Actor("probe", role) : null) != AccessScope.None;
                var refusal = caller.Role is null ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden;
                if (allowed ? response.StatusCode == HttpStatusCode.Forbidden : response.StatusCode != refusal)
                {
                    failures.Add($"{rule.Coordinate} ({path}) as {caller}: {(allowed ? "allowed" : "refused")} by the matrix, answered {(int)response.StatusCode}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static string EndpointPath(string route) => System.Text.RegularExpressions.Regex.Replace(route, @"\{([^}]*)\}", m =>
        m.Groups[1].Value switch
        {
            "number" => "AAAAA-BBBBB-CCCCC",
            var name when name.StartsWith("**", StringComparison.Ordinal) => "",
            var name when name.Contains("id", StringComparison.OrdinalIgnoreCase) => Guid.NewGuid().ToString(),
            _ => "probe",
        });

    private ISchema Schema()
    {
        var schema = host.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        return schema;
    }

    private IEnumerable<(string Kind, FieldType Field)> RootFields(ISchema schema) =>
        new (string Kind, IObjectGraphType? Type)[] { ("Query", schema.Query), ("Mutation", schema.Mutation), ("Subscription", schema.Subscription) }
            .Where(root => root.Type is not null)
            .SelectMany(root => root.Type!.Fields.Select(field => (root.Kind, field)));

    private List<ProbeOperation> Probes() => RootFields(Schema()).Select(f => ProbeOperation.For(f.Kind, f.Field)).ToList();

    private async Task<List<MatrixCaller>> CallersAsync()
    {
        var callers = new List<MatrixCaller> { new("ANONYMOUS", null, null) };
        foreach (var role in AuthorizationMatrix.Roles)
        {
            var wire = ActorClaims.ToWire(role);
            var token = role switch
            {
                ActorRole.Agent => await host.Token(wire, "agent-authz", AuthorizationHost.Center),
                ActorRole.Supervisor => await host.Token(wire, "supervisor-authz", governorate: AuthorizationHost.Governorate),
                _ => await host.Token(wire, wire.ToLowerInvariant() + "-authz"),
            };
            callers.Add(new MatrixCaller(SchemaText.Of(role), role, token));
        }

        return callers;
    }

    private async Task<(HttpStatusCode Status, JsonNode Body)> PostAsync(ProbeOperation probe, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new { query = probe.Text, variables = probe.Variables }),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await host.Http.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response.StatusCode, JsonNode.Parse(text) ?? new JsonObject());
    }

    private static List<string?> Codes(JsonNode body) =>
        (body["errors"] as JsonArray ?? []).Select(e => e?["extensions"]?["code"]?.GetValue<string>()).ToList();

    private async Task<string> SubmitAsync(string citizen)
    {
        var token = await host.Token("CITIZEN", citizen, nationalIdNumber: "01234567");
        var input = RequestPathwayApiTests.CardInput(AuthorizationHost.Center, "authz-" + Guid.NewGuid().ToString("N")[..8]);
        var result = await host.GraphQL(RequestPathwayApiTests.SubmitCard, input, token);
        return result["data"]!["submitIdCardRequest"]!["request"]!["id"]!.GetValue<string>();
    }
}

using Actors.Tests.Embedded;
using Actors.Tests.Transport;

namespace Actors.Tests.Analytics;

/// <summary>
/// The API as a developer runs it (Development, embedded silo, demo centers) with requests of our own through the real
/// submission path: 8 at the Tunis office, 6 at the Sfax office, 2 at the Gafsa office, so that an analyst sees Tunis
/// and Sfax counted and Gafsa withheld (under 5). Ready once the request read model counts all 16.
/// </summary>
public sealed class DashboardHost : IAsyncLifetime
{
    private const string SubmitCard = """
        mutation($in: SubmitIdCardRequestInput!) { submitIdCardRequest(input: $in) {
          request { id } errors { __typename ... on Error { code message } } } }
        """;

    private EmbeddedApiProcess? api;

    public static IReadOnlyList<(string Center, string Governorate, int Requests)> Submitted { get; } =
    [
        ("TN11-GU1", "TUNIS", 8),
        ("TN61-GU1", "SFAX", 6),
        ("TN71-GU1", "GAFSA", 2),
    ];

    public static int Total => Submitted.Sum(s => s.Requests);

    public EmbeddedApiProcess Api => api ?? throw new InvalidOperationException("The host has not started.");

    public Uri PageAddress => new(Api.BaseAddress, "/dashboard/");

    /// <summary>Why the host cannot run here (no node, no Chromium, no built page), or null.</summary>
    public static string? MissingPrerequisite()
    {
        if (NodeScript.MissingPrerequisite() is { } node)
        {
            return node;
        }

        if (!File.Exists(Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium"))
        {
            return "Chromium is not installed (apt-get install -y chromium).";
        }

        return File.Exists(Path.Combine(Path.GetDirectoryName(ClusterProcesses.ApiDll)!, "wwwroot", "dashboard", "vendor", "chart.umd.min.js"))
            ? null
            : "The dashboard's charting library is not built (cd api/dashboard && npm ci && npm run build).";
    }

    public async ValueTask InitializeAsync()
    {
        // Without the prerequisites the tests skip (or fail in CI) before using the host: starting the API is wasted.
        if (MissingPrerequisite() is not null)
        {
            return;
        }

        var cancellation = TestContext.Current.CancellationToken;
        api = await EmbeddedApiProcess.StartAsync("dashboard-api", cancellation);
        var citizen = await api.Client.TokenAsync("CITIZEN", "citizen-dashboard", nationalIdNumber: "01234567", cancellationToken: cancellation);
        foreach (var (center, _, requests) in Submitted)
        {
            for (var i = 0; i < requests; i++)
            {
                var input = new
                {
                    reason = "RENEWAL",
                    centerId = GlobalIds.Center(center),
                    idempotencyKey = $"dashboard-{center}-{i}",
                    applicant = new { givenName = "Amira", familyName = "Ben Salah", birthDate = "1995-02-03", nationalIdNumber = "01234567" },
                };
                var submitted = await api.Client.PostAsync(SubmitCard, new { @in = input }, citizen, cancellation);
                if (submitted["data"]?["submitIdCardRequest"]?["request"]?["id"] is null)
                {
                    throw new InvalidOperationException($"A request at {center} was not submitted: {submitted.ToJsonString()}");
                }
            }
        }

        await WaitForProjection(cancellation);
    }

    public async ValueTask DisposeAsync()
    {
        if (api is not null)
        {
            await api.DisposeAsync();
        }
    }

    public Task<string> Token(string role, string subject, string? nationalIdNumber = null) =>
        Api.Client.TokenAsync(role, subject, nationalIdNumber: nationalIdNumber, cancellationToken: TestContext.Current.CancellationToken);

    /// <summary>The read model is a projection: the page must be checked once it counts what was submitted.</summary>
    private async Task WaitForProjection(CancellationToken cancellation)
    {
        var analyst = await Api.Client.TokenAsync("ANALYST", "analyst-dashboard-host", cancellationToken: cancellation);
        var until = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var progress = await Api.Client.PostAsync("{ progress { total } }", token: analyst, cancellationToken: cancellation);
            if (progress["data"]?["progress"]?["total"]?.GetValue<long>() == Total)
            {
                return;
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"The read model did not count {Total} requests within 30 s: {progress.ToJsonString()}");
            }

            await Task.Delay(200, cancellation);
        }
    }
}

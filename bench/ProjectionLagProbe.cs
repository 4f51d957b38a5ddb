using System.Diagnostics;
using System.Globalization;
using Actors.TestSupport;
using Npgsql;

namespace Actors.Bench;

/// <summary>
/// Event-to-projection lag as a reader sees it: submit a request through the API, then poll the request index every
/// few milliseconds until the row with that version is there; the same for the agent's first step. One probe at a time,
/// while other clients keep writing, so the lag includes the outbox relay's queue under that load.
/// </summary>
public sealed class ProjectionLagProbe(GraphQLHttpClient api, NpgsqlDataSource database, string citizen, string agent, string centerCode)
{
    private const string Submit = """
        mutation($in: SubmitIdCardRequestInput!) { submitIdCardRequest(input: $in) {
          request { id reference version } errors { ... on Error { code message } } } }
        """;

    private const string Verify = """
        mutation($in: StartVerificationInput!) { startVerification(input: $in) {
          request { id version } errors { ... on Error { code message } } } }
        """;

    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(5);

    private readonly List<double> _lags = [];

    /// <summary>Milliseconds from the API's acknowledgement to the row's version being readable in request_index.</summary>
    public IReadOnlyList<double> Lags => _lags;

    public int Failures { get; private set; }

    public async Task RunAsync(int seconds, string keyPrefix)
    {
        var clock = Stopwatch.StartNew();
        for (var n = 0; clock.Elapsed.TotalSeconds < seconds; n++)
        {
            var submitted = await api.PostAsync(Submit, new
            {
                @in = new
                {
                    reason = "RENEWAL",
                    centerId = GlobalIds.Center(centerCode),
                    idempotencyKey = $"{keyPrefix}-{n.ToString(CultureInfo.InvariantCulture)}",
                    applicant = new { givenName = "Amira", familyName = "Ben Salah", birthDate = "1995-02-03", nationalIdNumber = "01234567" },
                },
            }, citizen);
            var request = submitted["data"]?["submitIdCardRequest"]?["request"];
            if (request is null)
            {
                Failures++;
                continue;
            }

            var acknowledged = Stopwatch.GetTimestamp();
            var reference = request["reference"]!.GetValue<string>();
            await WaitForAsync(reference, request["version"]!.GetValue<long>(), acknowledged);

            var verified = await api.PostAsync(Verify, new { @in = new { requestId = request["id"]!.GetValue<string>(), expectedVersion = request["version"]!.GetValue<long>() } }, agent);
            acknowledged = Stopwatch.GetTimestamp();
            if (verified["data"]?["startVerification"]?["request"]?["version"]?.GetValue<long>() is { } version)
            {
                await WaitForAsync(reference, version, acknowledged);
            }
            else
            {
                Failures++;
            }
        }
    }

    private async Task WaitForAsync(string reference, long version, long acknowledged)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            await using var command = database.CreateCommand("SELECT version FROM request_index WHERE reference = $1");
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = reference });
            if (await command.ExecuteScalarAsync() is long seen && seen >= version)
            {
                _lags.Add(Stopwatch.GetElapsedTime(acknowledged).TotalMilliseconds);
                return;
            }

            await Task.Delay(PollEvery);
        }

        Failures++;
    }
}

using System.Diagnostics;
using Actors.Contracts.Interop;
using Actors.Contracts.Interop.CivilRegistry;

namespace Actors.Tests.Interop;

/// <summary>
/// Failures injected through the sandboxes' configuration, met by the real resilience: the timeout cuts a slow
/// answer, transient failures of a lookup are retried, the circuit opens on failures and closes after its break.
/// </summary>
public sealed class ResilienceTests
{
    private static readonly PersonQuery Anyone = new("Amira", "Ben Salah", new DateOnly(1995, 2, 3), "Tunis", "01234567");
    private static readonly PersonQuery Down = Anyone with { NationalIdNumber = "00000008" };

    [Fact]
    public async Task Latency_past_the_timeout_is_cut_by_the_timeout_long_before_the_answer_would_come()
    {
        await using var host = new InteropHost(new Dictionary<string, string?>
        {
            ["Sandboxes:CivilRegistry:LatencyMilliseconds"] = "30000",
            ["Interop:CivilRegistry:TimeoutMilliseconds"] = "200",
            ["Interop:CivilRegistry:RetryAttempts"] = "2",
        });
        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<OutsideSystemUnavailableException>(() => host.Get<ICivilRegistry>().CheckIdentity(Anyone, TestContext.Current.CancellationToken));

        Assert.Equal((OutsideSystem.CivilRegistry, "timeout"), (error.System, error.Reason));
        Assert.Equal(3, host.Calls[OutsideSystem.CivilRegistry]);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"Three attempts of 200 ms took {clock.Elapsed}.");
    }

    [Fact]
    public async Task A_failure_rate_is_met_by_retries_that_succeed()
    {
        // The first draw (0.1) is under the failure rate: a 503; the second (0.9) is not.
        await using var host = new InteropHost(
            new Dictionary<string, string?> { ["Sandboxes:CivilRegistry:FailureRate"] = "0.5", ["Interop:CivilRegistry:RetryAttempts"] = "2" },
            random: new ScriptedRandom(0.1, 0.9));
        var check = await host.Get<ICivilRegistry>().CheckIdentity(Anyone, TestContext.Current.CancellationToken);

        Assert.Equal(IdentityOutcome.Match, check.Outcome);
        Assert.Equal(2, host.Calls[OutsideSystem.CivilRegistry]);
    }

    [Fact]
    public async Task A_timeout_rate_makes_a_call_hang_until_the_timeout()
    {
        await using var host = new InteropHost(
            new Dictionary<string, string?>
            {
                ["Sandboxes:CivilRegistry:FailureRate"] = "0.2",
                ["Sandboxes:CivilRegistry:TimeoutRate"] = "0.2",
                ["Interop:CivilRegistry:RetryAttempts"] = "1",
            },
            random: new ScriptedRandom(0.3, 0.3));
        var error = await Assert.ThrowsAsync<OutsideSystemUnavailableException>(() => host.Get<ICivilRegistry>().CheckIdentity(Anyone, TestContext.Current.CancellationToken));
        Assert.Equal("timeout", error.Reason);
        Assert.Equal(2, host.Calls[OutsideSystem.CivilRegistry]);
    }

    [Fact]
    public async Task Retries_spent_on_server_errors_end_in_server_error()
    {
        await using var host = new InteropHost(new Dictionary<string, string?> { ["Sandboxes:CivilRegistry:FailureRate"] = "1", ["Interop:CivilRegistry:RetryAttempts"] = "2" });
        var error = await Assert.ThrowsAsync<OutsideSystemUnavailableException>(() => host.Get<ICivilRegistry>().CheckIdentity(Anyone, TestContext.Current.CancellationToken));
        Assert.Equal("server-error", error.Reason);
        Assert.Equal(3, host.Calls[OutsideSystem.CivilRegistry]);
    }

    [Fact]
    public async Task An_outage_fails_every_call_whatever_the_input()
    {
        await using var host = new InteropHost(new Dictionary<string, string?> { ["Sandboxes:Justice:Outage"] = "true" });
        var error = await Assert.ThrowsAsync<OutsideSystemUnavailableException>(() =>
            host.Get<Contracts.Interop.Justice.ICriminalRecordRegistry>().CheckRecord(Anyone, TestContext.Current.CancellationToken));
        Assert.Equal((OutsideSystem.Justice, "server-error"), (error.System, error.Reason));

        // Another system is not concerned.
        Assert.Equal(IdentityOutcome.Match, (await host.Get<ICivilRegistry>().CheckIdentity(Anyone, TestContext.Current.CancellationToken)).Outcome);
    }

    [Fact]
    public async Task The_circuit_opens_after_failures_fails_fast_without_calling_and_closes_after_its_break()
    {
        await using var host = new InteropHost(new Dictionary<string, string?>
        {
            ["Interop:CivilRegistry:RetryAttempts"] = "0",
            ["Interop:CivilRegistry:CircuitBreaker:FailureRatio"] = "0.5",
            ["Interop:CivilRegistry:CircuitBreaker:MinimumThroughput"] = "2",
            ["Interop:CivilRegistry:CircuitBreaker:SamplingDurationSeconds"] = "10",
            ["Interop:CivilRegistry:CircuitBreaker:BreakDurationSeconds"] = "0.5",
        });
        var registry = host.Get<ICivilRegistry>();
        var ct = TestContext.Current.CancellationToken;
        for (var call = 0; call < 2; call++)
        {
            Assert.Equal("server-error", (await Assert.ThrowsAsync<OutsideSystemUnavailableException>(() => registry.CheckIdentity(Down, ct))).Reason);
        }

        for (var call = 0; call < 3; call++)
        {
            Assert.Equal("circuit-open", (await Assert.ThrowsAsync<OutsideSystemUnavailableException>(() => registry.CheckIdentity(Anyone, ct))).Reason);
        }

        Assert.Equal(2, host.Calls[OutsideSystem.CivilRegistry]);

        // After the break, a trial call goes through; it succeeds, so the circuit closes.
        await Task.Delay(TimeSpan.FromMilliseconds(600), ct);
        Assert.Equal(IdentityOutcome.Match, (await registry.CheckIdentity(Anyone, ct)).Outcome);
        Assert.Equal(IdentityOutcome.Match, (await registry.CheckIdentity(Anyone, ct)).Outcome);
        Assert.Equal(4, host.Calls[OutsideSystem.CivilRegistry]);
    }

    [Fact]
    public async Task The_callers_own_cancellation_is_a_cancellation_not_an_unavailable_system()
    {
        await using var host = new InteropHost(new Dictionary<string, string?>
        {
            ["Sandboxes:CivilRegistry:LatencyMilliseconds"] = "30000",
            ["Interop:CivilRegistry:TimeoutMilliseconds"] = "20000",
        });
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cancel.CancelAfter(TimeSpan.FromMilliseconds(100));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => host.Get<ICivilRegistry>().CheckIdentity(Anyone, cancel.Token));
        Assert.Equal(1, host.Calls[OutsideSystem.CivilRegistry]);
    }
}

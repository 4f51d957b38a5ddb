using System.Net;
using Actors.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime.MembershipService;

namespace Actors.Tests.Postgres;

/// <summary>
/// Orleans' own ADO.NET membership and reminder tables, driven directly against our query text: every key, with the
/// parameters exactly as the providers bind them, including the paths a short cluster run rarely takes.
/// </summary>
[Collection(PostgresClusterCollection.Name)]
public sealed class OrleansProviderTests(PostgresClusterFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MembershipChangesMoveTheTableVersionAtomically()
    {
        var clusterId = "membership-" + Guid.NewGuid().ToString("N")[..8];
        await using var services = new ServiceCollection().BuildServiceProvider();
        var table = new AdoNetClusteringTable(
            services,
            Options.Create(new ClusterOptions { ClusterId = clusterId, ServiceId = fixture.ServiceId }),
            Options.Create(new AdoNetClusteringSiloOptions { Invariant = PostgresConnectionStrings.AdoNetInvariant, ConnectionString = fixture.Server.ConnectionString }),
            NullLogger<AdoNetClusteringTable>.Instance);
        await table.InitializeMembershipTableAsync(true, Cancel);
        await table.InitializeMembershipTableAsync(true, Cancel);

        var empty = await table.ReadAllAsync(Cancel);
        Assert.Empty(empty.Members);
        Assert.Equal(0, empty.Version.Version);

        var first = Entry(11111, SiloStatus.Active);
        var second = Entry(22222, SiloStatus.Active);
        Assert.True(await table.InsertRowAsync(first, empty.Version.Next(), Cancel));
        // Stale table version: refused, and nothing half-done.
        Assert.False(await table.InsertRowAsync(second, empty.Version.Next(), Cancel));
        var one = await table.ReadAllAsync(Cancel);
        Assert.Equal(1, one.Version.Version);
        Assert.Equal(first.SiloAddress, Assert.Single(one.Members).Item1.SiloAddress);
        // A row that exists already: refused, and the version must not move.
        Assert.False(await table.InsertRowAsync(first, one.Version.Next(), Cancel));
        Assert.Equal(1, (await table.ReadAllAsync(Cancel)).Version.Version);

        Assert.True(await table.InsertRowAsync(second, one.Version.Next(), Cancel));
        var two = await table.ReadAllAsync(Cancel);
        var firstRow = two.Members.Single(m => m.Item1.SiloAddress.Equals(first.SiloAddress));
        var dead = Entry(11111, SiloStatus.Dead, first.StartTime);
        dead.SuspectTimes = [Tuple.Create(second.SiloAddress, DateTime.UtcNow)];
        Assert.False(await table.UpdateRowAsync(dead, firstRow.Item2, one.Version.Next(), Cancel));
        Assert.True(await table.UpdateRowAsync(dead, firstRow.Item2, two.Version.Next(), Cancel));
        var three = await table.ReadRowAsync(first.SiloAddress, Cancel);
        Assert.Equal(3, three.Version.Version);
        var stored = Assert.Single(three.Members).Item1;
        Assert.Equal(SiloStatus.Dead, stored.Status);
        Assert.Equal(second.SiloAddress, Assert.Single(stored.SuspectTimes ?? []).Item1);

        // Heartbeats update the row only, never the version.
        var alive = Entry(22222, SiloStatus.Active, second.StartTime);
        alive.IAmAliveTime = DateTime.UtcNow.AddSeconds(5);
        await table.UpdateIAmAliveAsync(alive, Cancel);
        var afterHeartbeat = await table.ReadRowAsync(second.SiloAddress, Cancel);
        Assert.Equal(3, afterHeartbeat.Version.Version);
        Assert.Equal(alive.IAmAliveTime, Assert.Single(afterHeartbeat.Members).Item1.IAmAliveTime, TimeSpan.FromMilliseconds(1));

        // Cleanup removes dead silos that stopped beating before the cutoff, and nothing else.
        await table.CleanupDefunctSiloEntriesAsync(DateTimeOffset.UtcNow.AddMinutes(1), Cancel);
        var remaining = await table.ReadAllAsync(Cancel);
        Assert.Equal(second.SiloAddress, Assert.Single(remaining.Members).Item1.SiloAddress);

        await table.DeleteMembershipTableEntriesAsync(clusterId, Cancel);
        await table.InitializeMembershipTableAsync(true, Cancel);
        Assert.Empty((await table.ReadAllAsync(Cancel)).Members);
    }

    [Fact]
    public async Task RemindersUpsertReadByGrainAndRangeAndDeleteByETag()
    {
        var reminders = fixture.SiloServices(0).GetRequiredService<IReminderTable>();
        var grain = GrainId.Create("reminder-test", Guid.NewGuid().ToString("N"));
        var hash = grain.GetUniformHashCode();
        var entry = new ReminderEntry
        {
            GrainId = grain,
            ReminderName = "long-period",
            StartAt = DateTime.UtcNow,
            // Longer than int.MaxValue milliseconds: the provider then binds a bigint.
            Period = TimeSpan.FromDays(40),
        };

        var firstETag = await reminders.UpsertRow(entry, Cancel);
        var secondETag = await reminders.UpsertRow(entry, Cancel);
        Assert.NotEqual(firstETag, secondETag);

        var read = await reminders.ReadRow(grain, "long-period", Cancel);
        Assert.NotNull(read);
        Assert.Equal(TimeSpan.FromDays(40), read.Period);
        Assert.Equal(secondETag, read.ETag);
        Assert.Equal(entry.StartAt, read.StartAt, TimeSpan.FromMilliseconds(1));
        Assert.Single((await reminders.ReadRows(grain, Cancel)).Reminders);
        Assert.Contains((await reminders.ReadRows(unchecked(hash - 1), hash, Cancel)).Reminders, r => r.GrainId == grain);
        Assert.DoesNotContain((await reminders.ReadRows(hash, unchecked(hash + 1), Cancel)).Reminders, r => r.GrainId == grain);
        // A range that wraps around the top of the ring: (end, begin] with begin > end.
        Assert.Contains((await reminders.ReadRows(unchecked(hash + 1), hash, Cancel)).Reminders, r => r.GrainId == grain);

        Assert.False(await reminders.RemoveRow(grain, "long-period", firstETag!, Cancel));
        Assert.True(await reminders.RemoveRow(grain, "long-period", secondETag!, Cancel));
        Assert.Null(await reminders.ReadRow(grain, "long-period", Cancel));
    }

    private static MembershipEntry Entry(int port, SiloStatus status, DateTime? started = null)
    {
        var now = DateTime.UtcNow;
        return new MembershipEntry
        {
            SiloAddress = SiloAddress.New(new IPEndPoint(IPAddress.Loopback, port), 7),
            SiloName = $"silo-{port}",
            HostName = "test-host",
            Status = status,
            ProxyPort = port + 1,
            StartTime = started ?? now,
            IAmAliveTime = now,
        };
    }
}

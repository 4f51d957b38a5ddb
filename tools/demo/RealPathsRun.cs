using Actors.Contracts.Campaigns;
using Actors.Contracts.Centers;
using Actors.Contracts.Identity;
using Actors.Contracts.Requests;
using Actors.Contracts.Scheduling;
using Actors.Persistence.Migrations;
using Actors.ServiceDefaults;
using Actors.SiloHosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Actors.Demo;

/// <summary>
/// Real paths: a silo in this process, configured as the silo is (embedded, or ConnectionStrings:Postgres for
/// PostgreSQL), and the plan's requests driven through the grains' public interfaces in the order of their planned
/// instants, with the silo's movable clock set to each instant before its step. The automatic pathway is switched off
/// (Pathway:Automatic, the operators' switch): its steps are timed by the outside systems' answers, not by the plan,
/// so the plan takes them as an agent would.
/// </summary>
public sealed class RealPathsRun(DemoPlan plan, IReadOnlyDictionary<string, string?> settings, int parallel, TextWriter? output)
{
    private static readonly Actor EducationOfficer = new("demo-education-officer", ActorRole.EducationOfficer);

    public async Task<DemoRunResult> RunAsync(CancellationToken cancellationToken = default)
    {
        var requests = plan.All().ToList();
        var connection = settings.GetValueOrDefault("ConnectionStrings:Postgres");
        if (!string.IsNullOrWhiteSpace(connection))
        {
            await MigrationRunner.ApplyAsync(connection, NullLogger.Instance, cancellationToken);
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Development });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Pathway:Automatic"] = "false",
            ["Orleans:SiloPort"] = LoopbackPort.PickFree().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = LoopbackPort.PickFree().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans:ClusterId"] = "demo-" + Guid.NewGuid().ToString("N")[..8],
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.UseOrleans(silo => silo.AddActorsSilo(builder.Configuration, movableClock: true));
        using var host = builder.Build();
        await host.StartAsync(cancellationToken);
        try
        {
            var grains = host.Services.GetRequiredService<IGrainFactory>();
            var clock = host.Services.GetRequiredService<TimeProvider>() as RehearsalClock
                ?? throw new InvalidOperationException("The silo's clock cannot be moved.");
            if (clock.GetUtcNow() > plan.Begins)
            {
                throw new DemoUsageException($"The plan starts {plan.Start:yyyy-MM-dd}, before now: the clock only moves forward (pass a later --start).");
            }

            clock.AdvanceTo(plan.Begins.AddDays(-1));
            await OpenCenters(grains);
            await CreateCampaign(grains, requests);
            var result = await Drive(grains, clock, requests, cancellationToken);
            if (!string.IsNullOrWhiteSpace(connection))
            {
                await WaitForIndex(connection, result.FinalVersions, cancellationToken);
            }

            return new DemoRunResult(result.ByStatus, result.Departures, result.Elapsed);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    private static async Task OpenCenters(IGrainFactory grains)
    {
        foreach (var governorate in DemoPlaces.Governorates)
        {
            var profile = DemoPlaces.CenterProfile(governorate);
            var center = grains.GetGrain<IServiceCenterGrain>(profile.Code);
            await center.Register(DemoActors.System, profile);
            // Eight workstations: four administrative desks (CenterCalendars.DefaultFor), room for the plan's bookings.
            await center.UpdateReadiness(DemoActors.System, new CenterReadiness(true, 8, 8, 8, 8, 10));
            await center.ChangePhase(DemoActors.System, RolloutPhase.Live, "demo data");
        }
    }

    private async Task CreateCampaign(IGrainFactory grains, List<PlannedRequest> requests)
    {
        var schools = DemoPlaces.Schools(requests);
        var setup = new CampaignSetup("Carte d'identité des élèves — campagne de démonstration", "2026-2027",
            plan.Start, plan.Start.AddDays(plan.Days + 60), DemoPlaces.Governorates.Select(g => g.Code).ToList(), schools);
        var campaignId = CampaignIds.For(DemoActors.System, $"demo-campaign-{plan.Seed}");
        await grains.GetGrain<ICampaignGrain>(campaignId).Create(DemoActors.System, setup);
        foreach (var school in requests.Where(r => r.IsPupil).GroupBy(r => r.SchoolCode!))
        {
            var rows = school.Select(r => new EnrolmentRow(r.Index + 2, DemoPeople.EnrolmentId(r), school.Key,
                DemoPeople.Applicant(r).GivenName, DemoPeople.Phone(r))).ToList();
            await grains.GetGrain<ISchoolEnrolmentGrain>(ISchoolEnrolmentGrain.KeyOf(campaignId, school.Key)).Enrol(EducationOfficer, rows);
        }

        output?.WriteLine($"Campaign of {schools.Count} schools in {DemoPlaces.Governorates.Count} governorates, {requests.Count(r => r.IsPupil)} pupils enrolled");
    }

    private sealed record Driven(Dictionary<RequestStatus, int> ByStatus, List<string> Departures, Dictionary<Guid, long> FinalVersions, TimeSpan Elapsed);

    // Step -1 is the submission. The queue orders by planned instant; a request's next step is queued when its
    // previous one is done, at its planned instant moved by however much later the real appointment came.
    private async Task<Driven> Drive(IGrainFactory grains, RehearsalClock clock, List<PlannedRequest> requests, CancellationToken cancellationToken)
    {
        var total = requests.Sum(r => r.Steps.Count + 1);
        var progress = new RunProgress("steps", total, output);
        var queue = new PriorityQueue<(PlannedRequest Request, int Step, TimeSpan Shift), (long, int)>();
        foreach (var request in requests)
        {
            queue.Enqueue((request, -1, TimeSpan.Zero), (request.SubmittedAt.UtcTicks, request.Index));
        }

        var running = new Dictionary<Task<(PlannedRequest Request, int Step, TimeSpan Shift, CitizenRequestView View)>, DateTimeOffset>();
        var finals = new Dictionary<Guid, CitizenRequestView>();
        var departures = new List<string>();
        var done = 0;
        while (queue.Count > 0 || running.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // Steps run side by side only within an hour of the earliest one still running: the clock, which only moves
            // forward, then never runs far ahead of a step's planned instant.
            while (queue.Count > 0 && running.Count < parallel
                   && (running.Count == 0 || queue.TryPeek(out _, out var head) && head.Item1 <= running.Values.Min().Add(Window).UtcTicks))
            {
                var (request, step, shift) = queue.Dequeue();
                var at = (step < 0 ? request.SubmittedAt : request.Steps[step].At) + shift;
                clock.AdvanceTo(at);
                running.Add(Take(grains, clock, request, step, shift), at);
            }

            var finished = await Task.WhenAny(running.Keys);
            running.Remove(finished);
            var (r, s, sh, view) = await finished;
            done++;
            progress.Report(done);
            var planned = s < 0 ? RequestStatus.Submitted : r.Steps[s].To;
            if (view.Status != planned)
            {
                departures.Add($"{r.Index}: {(s < 0 ? "submission" : r.Steps[s].Action.ToString())} left {view.Status}, planned {planned}");
                finals[view.Id] = view;
                continue;
            }

            finals[view.Id] = view;
            if (s + 1 < r.Steps.Count)
            {
                // The biometrics are taken when the real appointment begins; what follows keeps its planned distance.
                var next = r.Steps[s + 1];
                var shift = next.Action == RequestAction.RecordBiometrics && view.Appointment is { } appointment
                    ? appointment.At - next.At
                    : sh;
                queue.Enqueue((r, s + 1, shift), ((next.At + shift).UtcTicks, r.Index));
            }
        }

        progress.Report(done, force: true);
        var byStatus = finals.Values.GroupBy(v => v.Status).ToDictionary(g => g.Key, g => g.Count());
        return new Driven(byStatus, departures, finals.Values.ToDictionary(v => v.Id, v => v.Version), progress.Elapsed);
    }

    private static readonly TimeSpan Window = TimeSpan.FromHours(1);

    private static async Task<(PlannedRequest, int, TimeSpan, CitizenRequestView)> Take(
        IGrainFactory grains, TimeProvider clock, PlannedRequest request, int step, TimeSpan shift)
    {
        await Task.Yield();
        var grain = grains.GetGrain<ICitizenRequestGrain>(request.Id);
        if (step < 0)
        {
            var applicant = DemoPeople.Applicant(request);
            var view = request.Kind == RequestKind.NationalIdCard
                ? await grain.SubmitIdCard(DemoActors.Owner(request), new IdCardApplication(
                    request.IsPupil ? IdCardReason.FirstIssue : IdCardReason.Renewal, applicant, request.CenterId,
                    DemoPeople.Pupil(request), DemoPeople.Guardian(request), DemoPeople.Contact(request), request.IdempotencyKey))
                : await grain.SubmitCriminalRecord(DemoActors.Owner(request), new CriminalRecordApplication(
                    applicant, request.CenterId, "Employment", DemoPeople.Contact(request), request.IdempotencyKey));
            return (request, step, shift, view);
        }

        var planned = request.Steps[step];
        var (actor, command) = await CommandFor(grains, clock, request, planned);
        return (request, step, shift, await grain.Perform(actor, command));
    }

    private static async Task<(Actor, RequestCommand)> CommandFor(IGrainFactory grains, TimeProvider clock, PlannedRequest request, PlannedStep step)
    {
        var key = $"demo-{request.Index}-{step.Action}";
        return step.Action switch
        {
            RequestAction.SubmitCorrection or RequestAction.CancelRequest =>
                (DemoActors.Owner(request), new RequestCommand(step.Action, Reason: "demo data", IdempotencyKey: key)),
            RequestAction.BookAppointment =>
                (DemoActors.Owner(request), new RequestCommand(step.Action, Slot: (await FreeSlot(grains, clock, request, step)).Key, IdempotencyKey: key)),
            RequestAction.ExpireRequest => (DemoActors.System, new RequestCommand(step.Action, Reason: "payment deadline passed")),
            RequestAction.RecordPayment => (DemoActors.Agent(request), new RequestCommand(step.Action,
                PaymentReference: "DEMO-PAY-" + request.Index.ToString(System.Globalization.CultureInfo.InvariantCulture),
                AmountMillimes: RequestFees.For(request.Kind), IdempotencyKey: key)),
            RequestAction.RequestCorrection => (DemoActors.Agent(request), new RequestCommand(step.Action, Reason: "photo does not meet the rules",
                CorrectionCode: CorrectionCode.Other, CorrectionField: "photo", IdempotencyKey: key)),
            RequestAction.ConfirmDelivery => (DemoActors.Agent(request), request.IsPupil
                ? new RequestCommand(step.Action, Reason: "demo data", DeliveryChannel: DeliveryChannel.School, IdempotencyKey: key)
                : new RequestCommand(step.Action, Reason: "demo data", IdentityCheck: IdentityCheck.HolderBiometrics, IdempotencyKey: key)),
            _ => (DemoActors.Agent(request), new RequestCommand(step.Action, Reason: "demo data", IdempotencyKey: key)),
        };
    }

    /// <summary>The first slot with a free desk at the request's center from the planned appointment's day on (at least tomorrow by the clock).</summary>
    private static async Task<AppointmentSlot> FreeSlot(IGrainFactory grains, TimeProvider clock, PlannedRequest request, PlannedStep booking)
    {
        var biometrics = request.Steps.SkipWhile(s => s != booking).Skip(1).FirstOrDefault();
        var from = TunisTime.DayOf(biometrics?.At ?? booking.At);
        var tomorrow = TunisTime.DayOf(clock.GetUtcNow()).AddDays(1);
        from = from < tomorrow ? tomorrow : from;
        for (var day = from; day <= from.AddDays(60); day = day.AddDays(1))
        {
            var schedule = grains.GetGrain<ICenterDayScheduleGrain>(
                DayScheduleKeys.For(request.CenterId, CenterServices.CategoryOf(CenterService.NationalIdCard), day));
            if ((await schedule.Slots(CenterService.NationalIdCard)).FirstOrDefault(s => s.Remaining > 0) is { } free)
            {
                return free;
            }
        }

        throw new InvalidOperationException($"No free slot at {request.CenterId} in the 60 days from {from:yyyy-MM-dd}.");
    }

    // The outbox relay feeds the index after the grains answered: the run is over when every request's last version is there.
    private async Task WaitForIndex(string connection, Dictionary<Guid, long> finalVersions, CancellationToken cancellationToken)
    {
        var expected = finalVersions.Values.Sum();
        await using var dataSource = NpgsqlDataSource.Create(connection);
        var deadline = DateTime.UtcNow.AddMinutes(10);
        while (true)
        {
            await using var command = dataSource.CreateCommand("SELECT coalesce(sum(version), 0)::bigint FROM request_index WHERE id = ANY(@ids)");
            command.Parameters.AddWithValue("ids", finalVersions.Keys.ToArray());
            var indexed = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
            if (indexed >= expected)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The request index has not caught up after 10 minutes ({indexed} of {expected} versions).");
            }

            output?.WriteLine($"Waiting for the request index ({indexed} of {expected} versions)");
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }
    }
}

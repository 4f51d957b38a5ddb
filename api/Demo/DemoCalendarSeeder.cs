using Actors.Contracts.Centers;
using Actors.Contracts.Identity;
using Actors.Contracts.Naming;
using Actors.Contracts.Scheduling;

namespace Actors.Api.Demo;

/// <summary>
/// Publishes the demo calendars at startup, after the demo centers (Demo:Seed): the fixed-date national holidays
/// of the current and next year (Africa/Tunis), and for every demo center the standard week, its desks (one per
/// installed workstation, as <see cref="CenterCalendars.DefaultFor"/> counts them) and the demo's slot lengths.
/// Idempotent: the same holiday or the same hours and desks again change nothing. It resets a demo center's
/// hours and desks to these on each start: demo data only (Demo:Seed is off with PostgreSQL).
/// </summary>
public sealed class DemoCalendarSeeder(IGrainFactory grains, TimeProvider clock, IHostApplicationLifetime lifetime, ILogger<DemoCalendarSeeder> logger)
    : IHostedService
{
    private static readonly Actor Seeder = Actor.System("demo-calendar");

    /// <summary>Ours: a passport takes longer at the desk (photo and older passport checked), a complaint is heard.</summary>
    private static readonly Dictionary<CenterService, int> SlotMinutes = new()
    {
        [CenterService.NationalIdCard] = 15,
        [CenterService.Passport] = 20,
        [CenterService.ResidenceCertificate] = 15,
        [CenterService.CriminalRecordExtract] = 15,
        [CenterService.ComplaintFiling] = 30,
    };

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var year = TunisTime.DayOf(clock.GetUtcNow()).Year;
        var national = grains.Reference<INationalCalendarGrain>(0);
        var holidays = DemoHolidays.Of(year).Concat(DemoHolidays.Of(year + 1)).ToList();
        foreach (var holiday in holidays)
        {
            await national.AddHoliday(Seeder, holiday);
        }

        var centers = DemoCenters.All();
        foreach (var (profile, _) in centers)
        {
            var center = grains.Reference<IServiceCenterGrain>(profile.Code);
            var view = await center.Find();
            if (view is null)
            {
                continue;
            }

            await center.SetOpeningHours(Seeder, WeeklyHours.Standard);
            var desks = CenterCalendars.DefaultFor(view.Profile, view.Readiness).Desks;
            var lengths = view.Profile.Services.Select(s => new ServiceSlotLength(s, SlotMinutes[s])).ToList();
            await center.SetDesks(Seeder, desks, lengths);
        }

        lifetime.ApplicationStarted.Register(() => logger.LogInformation(
            "Demo data: {Holidays} fixed-date public holidays of {Year} and {Next}; demo center calendars published (religious holidays and Ramadan are entered by operators)",
            holidays.Count, year, year + 1));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

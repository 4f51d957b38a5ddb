using Actors.Contracts.Requests;
using Actors.Contracts.Scheduling;

namespace Actors.Demo;

/// <summary>
/// The one plan both modes draw from. Request i's draws come from a generator seeded by (seed, i) alone, so the plan
/// of a request does not depend on how many requests are planned, nor on the order anything runs in.
/// </summary>
/// <param name="Start">The first simulated day (a Monday in practice: the day the run's clock starts from).</param>
public sealed record DemoPlan(int Seed, int Requests, DateOnly Start, int Days)
{
    /// <summary>Shares of the kinds and outcomes (ours, to look like a pilot's first two months, not measured anywhere).</summary>
    public const double CardShare = 0.7, PupilShareOfCards = 0.45, CorrectionShare = 0.1,
        RejectedShare = 0.08, CancelledShare = 0.05, ExpiredShare = 0.05, StuckShare = 0.12, ReferredShareOfChecks = 0.07;

    /// <summary>Stuck requests are submitted at least this long before the end, so that they are past their target when it comes.</summary>
    public const int StuckLeadDays = 20;

    public DateTimeOffset Begins => TunisTime.ToInstant(Start, WorkingHours.Opens);

    public DateTimeOffset Ends => TunisTime.ToInstant(Start.AddDays(Days), TimeOnly.MinValue);

    public IEnumerable<PlannedRequest> All() => Enumerable.Range(0, Requests).Select(Request);

    public PlannedRequest Request(int index)
    {
        var random = new Random(MixedSeed(Seed, index));
        var kind = random.NextDouble() < CardShare ? RequestKind.NationalIdCard : RequestKind.CriminalRecordExtract;
        var governorate = PickGovernorate(random);
        var school = kind == RequestKind.NationalIdCard && random.NextDouble() < PupilShareOfCards
            ? DemoPlaces.SchoolOf(governorate, random.Next(1, DemoPlaces.SchoolsPerGovernorate + 1))
            : null;
        var day = Start.AddDays(random.Next(Days));
        var submitted = WorkingHours.StartOfWork(TunisTime.ToInstant(day, WorkingHours.Opens).AddMinutes(random.Next(8 * 60)));
        var outcome = random.NextDouble();
        var stuck = outcome >= RejectedShare + CancelledShare + ExpiredShare
            && outcome < RejectedShare + CancelledShare + ExpiredShare + StuckShare
            && submitted < Ends.AddDays(-StuckLeadDays);
        var steps = Steps(random, kind, submitted, outcome, stuck);

        // What would happen after the run's end has not happened yet: the request is still on its way.
        var taken = steps.TakeWhile(s => s.At < Ends).ToList();
        return new PlannedRequest(index, kind, governorate, DemoPlaces.CenterOf(governorate), school, submitted, taken, stuck);
    }

    private static List<PlannedStep> Steps(Random random, RequestKind kind, DateTimeOffset submitted, double outcome, bool stuck)
    {
        var steps = new List<PlannedStep>();
        var at = submitted;
        void Take(RequestAction action, RequestStatus to, int fromMinutes, int toMinutes) =>
            steps.Add(Next(random, ref at, action, to, fromMinutes, toMinutes));

        // Where a stuck request stops: drawn up front so that the draws do not depend on the path.
        var stuckAt = kind == RequestKind.NationalIdCard
            ? StuckCard[random.Next(StuckCard.Length)]
            : StuckBulletin[random.Next(StuckBulletin.Length)];
        var corrected = random.NextDouble() < CorrectionShare;
        var referred = random.NextDouble() < ReferredShareOfChecks;
        bool StopsAt(RequestStatus status) => stuck && stuckAt == status;

        Take(RequestAction.StartVerification, RequestStatus.Verifying, 30, 8 * 60);
        if (StopsAt(RequestStatus.Verifying))
        {
            return steps;
        }

        if (corrected)
        {
            Take(RequestAction.RequestCorrection, RequestStatus.NeedsCorrection, 60, 16 * 60);
            if (StopsAt(RequestStatus.NeedsCorrection))
            {
                return steps;
            }

            Take(RequestAction.SubmitCorrection, RequestStatus.Verifying, 8 * 60, 80 * 60);
        }

        if (outcome < RejectedShare)
        {
            Take(RequestAction.RejectRequest, RequestStatus.Rejected, 60, 16 * 60);
            return steps;
        }

        Take(RequestAction.ConfirmVerification, RequestStatus.AwaitingPayment, 60, 16 * 60);
        if (StopsAt(RequestStatus.AwaitingPayment))
        {
            return steps;
        }

        if (outcome < RejectedShare + CancelledShare)
        {
            Take(RequestAction.CancelRequest, RequestStatus.Cancelled, 60, 24 * 60);
            return steps;
        }

        if (outcome < RejectedShare + CancelledShare + ExpiredShare)
        {
            // The payment deadline (Pathway:PaymentExpiresAfter's default, seven days) is the system's, by the calendar.
            at = at.AddDays(7);
            steps.Add(new PlannedStep(RequestAction.ExpireRequest, at, RequestStatus.Expired));
            return steps;
        }

        Take(RequestAction.RecordPayment, RequestStatus.Paid, 2 * 60, 40 * 60);
        if (kind == RequestKind.CriminalRecordExtract)
        {
            Take(RequestAction.StartRecordCheck, RequestStatus.RecordCheck, 30, 8 * 60);
            if (StopsAt(RequestStatus.RecordCheck))
            {
                return steps;
            }

            return referred
                ? [.. steps, Next(random, ref at, RequestAction.ReferRequest, RequestStatus.Referred, 2 * 60, 16 * 60)]
                : [.. steps, Next(random, ref at, RequestAction.IssueExtract, RequestStatus.Issued, 2 * 60, 16 * 60)];
        }

        Take(RequestAction.BookAppointment, RequestStatus.AppointmentBooked, 30, 16 * 60);
        // The appointment: a working day or a few after booking; the real run takes the center's first free slot from then.
        Take(RequestAction.RecordBiometrics, RequestStatus.BiometricsCaptured, 8 * 60, 40 * 60);
        Take(RequestAction.StartProduction, RequestStatus.InProduction, 30, 8 * 60);
        if (StopsAt(RequestStatus.InProduction))
        {
            return steps;
        }

        Take(RequestAction.MarkReadyForDelivery, RequestStatus.ReadyForDelivery, 16 * 60, 80 * 60);
        if (StopsAt(RequestStatus.ReadyForDelivery))
        {
            return steps;
        }

        Take(RequestAction.ConfirmDelivery, RequestStatus.Delivered, 8 * 60, 64 * 60);
        return steps;
    }

    private static PlannedStep Next(Random random, ref DateTimeOffset at, RequestAction action, RequestStatus to, int fromMinutes, int toMinutes)
    {
        at = WorkingHours.Add(at, random.Next(fromMinutes, toMinutes));
        return new PlannedStep(action, at, to);
    }

    // Statuses whose target a desk can miss without the system moving the request on by itself (a card left PAID
    // expires unbooked, an unpaid one is the pathway's to expire: neither is a place to leave a request stuck).
    private static readonly RequestStatus[] StuckCard =
        [RequestStatus.Verifying, RequestStatus.NeedsCorrection, RequestStatus.InProduction, RequestStatus.ReadyForDelivery];

    private static readonly RequestStatus[] StuckBulletin =
        [RequestStatus.Verifying, RequestStatus.NeedsCorrection, RequestStatus.RecordCheck];

    private static string PickGovernorate(Random random)
    {
        var total = DemoPlaces.Governorates.Sum(g => DemoPlaces.WeightOf(g.Code));
        var draw = random.Next(total);
        foreach (var g in DemoPlaces.Governorates)
        {
            draw -= DemoPlaces.WeightOf(g.Code);
            if (draw < 0)
            {
                return g.Code;
            }
        }

        throw new InvalidOperationException("The weights do not add up.");
    }

    // SplitMix64's finaliser: neighbouring (seed, index) pairs give unrelated generator seeds.
    private static int MixedSeed(int seed, int index)
    {
        var z = unchecked(((ulong)(uint)seed << 32 | (uint)index) + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return (int)(uint)(z ^ (z >> 31));
    }
}

namespace Actors.Contracts.Centers;

/// <summary>Phased generalisation: a center is planned, then pilots, then goes live. Pilot and live take bookings.</summary>
public enum RolloutPhase
{
    Planned,
    Pilot,
    Live,
    Suspended,
}

using Actors.Contracts.Identity;
using Actors.Contracts.Interop;

namespace Actors.Grains.Pathway;

/// <summary>Who histories name for automatic steps: the outside system whose answer caused the step, or the pathway itself.</summary>
public static class PathwayActors
{
    public static Actor Pathway { get; } = Actor.System("pathway");

    public static Actor For(OutsideSystem system) => system switch
    {
        OutsideSystem.CivilRegistry => Actor.System("civil-registry"),
        OutsideSystem.Education => Actor.System("education"),
        OutsideSystem.Justice => Actor.System("justice"),
        OutsideSystem.PaymentGateway => Actor.System("payment-gateway"),
        _ => Actor.System("notifications"),
    };
}

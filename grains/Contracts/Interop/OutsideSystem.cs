namespace Actors.Contracts.Interop;

/// <summary>The systems outside ours that the pathway talks to. Each has an adapter interface, a sandbox and a real client.</summary>
public enum OutsideSystem
{
    CivilRegistry,
    Education,
    Justice,
    PaymentGateway,
    Notifications,
}

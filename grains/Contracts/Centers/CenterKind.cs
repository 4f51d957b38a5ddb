namespace Actors.Contracts.Centers;

public enum CenterKind
{
    /// <summary>One-stop-shop office in a National Security district: administrative services.</summary>
    OneStopShop,

    /// <summary>An upgraded office that serves both categories at separate desks.</summary>
    ModelOffice,

    /// <summary>A judicial police office: judicial services only.</summary>
    JudicialOffice,
}

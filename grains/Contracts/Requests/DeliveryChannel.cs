namespace Actors.Contracts.Requests;

/// <summary>Where an issued card is handed over: the center, or the pupil's school during the campaign.</summary>
public enum DeliveryChannel
{
    Center,
    School,
}

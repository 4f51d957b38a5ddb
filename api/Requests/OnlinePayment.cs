using Actors.Contracts.Requests;
using Actors.Contracts.Requests.Payments;

namespace Actors.Api.Requests;

/// <summary>An online payment with the request it pays, as the schema shows it.</summary>
public sealed record OnlinePayment(Payment Payment, CitizenRequestView Request);

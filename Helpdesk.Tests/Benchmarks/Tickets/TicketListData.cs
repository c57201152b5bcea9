using Bogus;
using Helpdesk.Core.Tickets;

namespace Helpdesk.Tests.Benchmarks.Tickets;

public sealed record SeedPerson(string Name, string Email);

/// <param name="Person">Index into <see cref="TicketListData.People"/>.</param>
/// <param name="Team">Index into <see cref="TicketListData.Teams"/>, or null for no team.</param>
public sealed record SeedTicket(string Subject, TicketStatus Status, int Person, int? Team, DateTime CreatedAt, DateTime UpdatedAt);

/// <summary>
/// The tickets the list benchmarks seed, the same every run (fixed seeds) whichever database they go to: 20 teams,
/// up to 20,000 requesters, most tickets closed, one subject in 200 mentions the <see cref="SearchTerm"/>.
/// </summary>
public sealed record TicketListData(IReadOnlyList<string> Teams, IReadOnlyList<SeedPerson> People, IReadOnlyList<SeedTicket> Tickets)
{
    public const string SearchTerm = "printer";

    /// <summary>Raise it with any change to what <see cref="Generate"/> makes: seeded databases cached by bench runs go stale.</summary>
    public const int GeneratorVersion = 1;
    public const int TeamCount = 20;
    public static readonly DateTime Start = new(2023, 11, 1, 0, 0, 0, DateTimeKind.Utc);

    private static readonly (TicketStatus Status, int Weight)[] Statuses =
    [
        (TicketStatus.Closed, 55), (TicketStatus.Completed, 20), (TicketStatus.Assigned, 8), (TicketStatus.Accepted, 4),
        (TicketStatus.InProgress, 8), (TicketStatus.WaitingFor, 2), (TicketStatus.WaitingForCustomer, 2), (TicketStatus.ChangePending, 1),
    ];

    public static TicketListData Generate(int tickets)
    {
        var faker = new Faker("en") { Random = new Randomizer(14) };
        var teams = Enumerable.Range(0, TeamCount).Select(i => $"Team {faker.Commerce.Department()} {i}").ToList();
        var people = Enumerable.Range(0, Math.Clamp(tickets / 50, 10, 20_000)).Select(i =>
        {
            var (first, last) = (faker.Name.FirstName(), faker.Name.LastName());
            return new SeedPerson($"{first} {last}", $"{first}.{last}.{i}@customer.test".ToLowerInvariant());
        }).ToList();
        var subjects = Enumerable.Range(0, 1000).Select(_ => $"{faker.Commerce.ProductName()} {faker.Hacker.IngVerb()} {faker.Hacker.Noun()}").ToList();
        var random = new Random(14);
        var weightSum = Statuses.Sum(s => s.Weight);
        var rows = new List<SeedTicket>(tickets);
        for (var i = 0; i < tickets; i++)
        {
            var created = Start.AddMinutes(random.Next(0, 3 * 365 * 24 * 60));
            var subject = i % 200 == 7 ? $"{subjects[random.Next(subjects.Count)]} – {SearchTerm} jammed" : subjects[random.Next(subjects.Count)];
            var status = Pick(random.Next(weightSum));
            var person = random.Next(people.Count);
            int? team = random.Next(10) == 0 ? null : random.Next(TeamCount);
            rows.Add(new SeedTicket(subject, status, person, team, created, created.AddMinutes(random.Next(0, 60 * 24 * 30))));
        }
        return new TicketListData(teams, people, rows);
    }

    private static TicketStatus Pick(int roll)
    {
        foreach (var (status, weight) in Statuses)
        {
            if (roll < weight) return status;
            roll -= weight;
        }
        return TicketStatus.Closed;
    }
}

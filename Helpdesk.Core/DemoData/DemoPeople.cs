namespace Helpdesk.Core.DemoData;

internal static class DemoPeople
{
    public static readonly (string Name, string Email)[] Agents =
    [
        ("Alex Agent", DemoDataSeeder.DemoAgentEmail),
        ("Brooke Baker", "brooke@helpdesk.local"),
        ("Chen Li", "chen@helpdesk.local"),
        ("Dana Network", "dana@helpdesk.local"),
        ("Emil Ops", "emil@helpdesk.local"),
    ];

    public static readonly (string Name, string Email)[] Customers =
    [
        ("Alice Walker", "alice@customer.test"),
        ("Bob Stone", "bob@customer.test"),
        ("Carla Diaz", "carla@customer.test"),
        ("David Kim", "david@customer.test"),
        ("Eva Novak", "eva@customer.test"),
        ("Farid Haddad", "farid@customer.test"),
    ];

    public static readonly string[] Subjects =
    [
        "VPN drops every few minutes",
        "Printer on 3rd floor jams",
        "Request for a new laptop",
        "Cannot open the sales report",
        "Email bounces from partner domain",
        "Wi-Fi slow in meeting room B",
        "Password reset not arriving",
        "Request access to the finance share",
        "Monitor flickers after update",
        "CRM shows error 500 on save",
    ];
}

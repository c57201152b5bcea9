using Helpdesk.Core.Common;
using Helpdesk.Core.People;
using Helpdesk.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.Core.People;

public sealed class SavePersonCommandTests
{
    private static PersonInput Input(string name, string email, params string[] others) => new(null, name, email, others, null, PersonRoles.EndUser, true);

    [Fact]
    public async Task ExecuteAsync_NewPersonWithOtherEmails_StoresThemLowerCased()
    {
        await using var host = await CoreTestHost.StartAsync();

        var id = await host.Get<SavePersonCommand>().ExecuteAsync(Input(" Alice ", "Alice@Customer.test", "a.walker@OLD.test"));

        await using var db = await host.DbAsync();
        var alice = await db.Set<Person>().Include(p => p.OtherEmails).SingleAsync(p => p.Id == id);
        Assert.Equal(("Alice", "alice@customer.test"), (alice.Name, alice.PrimaryEmail));
        Assert.Equal(["a.walker@old.test"], alice.OtherEmails.Select(e => e.Address));
    }

    [Theory]
    [InlineData("ALICE@customer.test", "primaryEmail")]
    [InlineData("old@customer.test", "primaryEmail")]
    public async Task ExecuteAsync_AddressOfAnotherPerson_IsRefusedCaseInsensitively(string email, string field)
    {
        await using var host = await CoreTestHost.StartAsync();
        await host.Get<SavePersonCommand>().ExecuteAsync(Input("Alice", "alice@customer.test", "old@customer.test"));

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => host.Get<SavePersonCommand>().ExecuteAsync(Input("Bob", email)));

        Assert.Contains("already belongs to", error.Errors[field]);
    }

    [Fact]
    public async Task ExecuteAsync_OtherEmailTakenAsPrimary_IsRefusedOnOtherEmails()
    {
        await using var host = await CoreTestHost.StartAsync();
        await host.Get<SavePersonCommand>().ExecuteAsync(Input("Alice", "alice@customer.test"));

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => host.Get<SavePersonCommand>().ExecuteAsync(Input("Bob", "bob@customer.test", "Alice@customer.test")));

        Assert.Equal("alice@customer.test already belongs to Alice.", error.Errors["otherEmails"]);
    }

    [Theory]
    [InlineData("", "a@x.test", "name")]
    [InlineData("Bob", "not-an-address", "primaryEmail")]
    [InlineData("Bob", "bob@", "primaryEmail")]
    public async Task ExecuteAsync_BadInput_ClearErrorPerField(string name, string email, string field)
    {
        await using var host = await CoreTestHost.StartAsync();

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => host.Get<SavePersonCommand>().ExecuteAsync(Input(name, email)));

        Assert.True(error.Errors.ContainsKey(field));
    }

    [Fact]
    public async Task ExecuteAsync_SameAddressTwiceInOnePerson_IsRefused()
    {
        await using var host = await CoreTestHost.StartAsync();

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => host.Get<SavePersonCommand>().ExecuteAsync(Input("Bob", "bob@x.test", "BOB@x.test")));

        Assert.Equal("bob@x.test is listed twice.", error.Errors["otherEmails"]);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrialAccess.Storage.Accounts;
using TrialAccess.Web.Accounts;

namespace TrialAccess.Web.Tests.Accounts;

/// <summary>The sign-in foundation on the in-process host over a SQLite file: cookies for pages, problem details for the API.</summary>
public class SignInTests(DemoWebApp app) : IClassFixture<DemoWebApp>
{
    private HttpClient AnonymousClient() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task ApiMe_Anonymous_Is401ProblemDetails()
    {
        var response = await AnonymousClient().GetAsync("/api/accounts/me");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        problem.GetProperty("title").GetString().Should().Be("Sign-in required");
        response.Headers.Location.Should().BeNull("the API answers 401 instead of redirecting to the sign-in page");
    }

    [Fact]
    public async Task AccountPage_Anonymous_RedirectsToSignInWithReturnUrl()
    {
        var response = await AnonymousClient().GetAsync("/account");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Contain("/account/sign-in").And.Contain("ReturnUrl=%2Faccount");
    }

    [Fact]
    public async Task PatientAndClinicianPages_Anonymous_StayPublic()
    {
        var client = AnonymousClient();

        (await client.GetAsync("/")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/clinician")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/api/trials?q=lung")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SignIn_RightPassword_SetsCookieAndApiKnowsRolesAndResources()
    {
        var (client, user) = await app.SignedInClientAsync("reviewer-one", [Roles.Reviewer], ("site", "12"));

        var me = await client.GetFromJsonAsync<JsonElement>("/api/accounts/me");

        me.GetProperty("userName").GetString().Should().Be(user.UserName);
        me.GetProperty("displayName").GetString().Should().Be("Test reviewer-one");
        me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Should().Equal(Roles.Reviewer);
        me.GetProperty("resources").EnumerateArray().Select(r => r.GetString()).Should().Equal("site:12");
        var page = await client.GetStringAsync("/account");
        page.Should().Contain("Test reviewer-one").And.Contain(Roles.Reviewer).And.Contain("Sign out");
    }

    [Fact]
    public async Task SignIn_WrongPassword_IsRefusedWithTheSameMessageAsAnUnknownUser()
    {
        var user = await app.Services.CreateUserAsync("careful-user", [Roles.Assessor]);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var wrongPassword = await client.PostSignInFormAsync(user.UserName, user.Password + "x");
        var unknownUser = await client.PostSignInFormAsync("nobody-at-all", user.Password);

        wrongPassword.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var wrongText = await wrongPassword.Content.ReadAsStringAsync();
        wrongText.Should().Contain("The user name or password is not right.");
        (await unknownUser.Content.ReadAsStringAsync()).Should().Contain("The user name or password is not right.");
        (await client.GetAsync("/api/accounts/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task SignIn_FiveWrongPasswords_LocksTheAccount()
    {
        var user = await app.Services.CreateUserAsync("locked-user", [Roles.Assessor]);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await client.PostSignInFormAsync(user.UserName, "not-the-password");
        }

        var rightPassword = await client.PostSignInFormAsync(user.UserName, user.Password);

        rightPassword.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await rightPassword.Content.ReadAsStringAsync()).Should().Contain("locked");
    }

    [Fact]
    public async Task SignIn_ReturnUrlElsewhere_GoesToTheAccountPageInstead()
    {
        var user = await app.Services.CreateUserAsync("redirect-user", [Roles.Assessor]);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.PostSignInFormAsync(user.UserName, user.Password, returnUrl: "https://elsewhere.example/steal");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Be("/account");
    }

    [Fact]
    public async Task Password_IsStoredOnlyAsAHash()
    {
        var user = await app.Services.CreateUserAsync("hashed-user", [Roles.Secretariat]);

        await using var scope = app.Services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        var stored = await context.Users.AsNoTracking().SingleAsync(u => u.UserName == user.UserName);

        stored.PasswordHash.Should().NotBeNullOrEmpty().And.NotContain(user.Password);
        var hasher = scope.ServiceProvider.GetRequiredService<IPasswordHasher<TrialAccessUser>>();
        hasher.VerifyHashedPassword(stored, stored.PasswordHash!, user.Password).Should().Be(PasswordVerificationResult.Success);
        Convert.FromBase64String(stored.PasswordHash!)[0].Should().Be(0x01, "Identity v3 hashes (PBKDF2 with a salt) start with format marker 1");
    }

    [Fact]
    public async Task UsersApi_NotAdministrator_Is403ProblemDetails()
    {
        var (client, _) = await app.SignedInClientAsync("secretariat-one", [Roles.Secretariat]);

        var response = await client.GetAsync("/api/accounts/users");

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task UsersApi_AdministratorCreatesAccount_WithGeneratedPasswordThatSignsIn()
    {
        var (admin, _) = await app.SignedInClientAsync("admin-one", [Roles.Administrator]);

        var response = await admin.PostAsJsonAsync("/api/accounts/users", new { userName = "new-chair", displayName = "Prof New Chair", roles = new[] { Roles.Chair } });

        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var password = created.GetProperty("generatedPassword").GetString()!;
        password.Should().HaveLength(20);
        created.GetProperty("account").GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Should().Equal(Roles.Chair);
        var chair = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await chair.SignInAsync(new TestUser("", "new-chair", password));
        (await chair.GetFromJsonAsync<JsonElement>("/api/accounts/me")).GetProperty("displayName").GetString().Should().Be("Prof New Chair");
        var list = await admin.GetFromJsonAsync<JsonElement>("/api/accounts/users");
        list.EnumerateArray().Select(u => u.GetProperty("userName").GetString()).Should().Contain("new-chair");
    }

    [Fact]
    public async Task UsersApi_UnknownRoleOrShortPassword_Is400NamingTheField()
    {
        var (admin, _) = await app.SignedInClientAsync("admin-two", [Roles.Administrator]);

        var badRole = await admin.PostAsJsonAsync("/api/accounts/users", new { userName = "someone", roles = new[] { "emperor" } });
        var shortPassword = await admin.PostAsJsonAsync("/api/accounts/users", new { userName = "someone-else", password = "short", roles = new[] { Roles.Reviewer } });

        (await badRole.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("roles").Should().ContainSingle().Which.Should().Contain("emperor");
        (await shortPassword.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("password").Should().NotBeEmpty();
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        var (client, _) = await app.SignedInClientAsync("leaving-user", [Roles.Reviewer]);
        var token = await client.AntiforgeryTokenAsync("/account");

        var response = await client.PostAsync("/account/sign-out", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await client.GetAsync("/api/accounts/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Roles_OfThePipelineModule_ExistAfterStartUp()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();

        var names = await roles.Roles.Select(r => r.Name).ToListAsync();

        names.Should().Contain(Roles.Pipeline);
    }
}

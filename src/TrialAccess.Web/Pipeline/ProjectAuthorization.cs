using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using TrialAccess.Pipeline.Access;
using TrialAccess.Pipeline.Projects;

namespace TrialAccess.Web.Pipeline;

/// <summary>What someone wants to do with a project (the requirement of resource-based authorization).</summary>
public static class ProjectOperations
{
    /// <summary>Read the project and its nomination.</summary>
    public static readonly OperationAuthorizationRequirement Read = new() { Name = nameof(Read) };

    /// <summary>Read its reviews (as <see cref="ProjectView.Reviews"/> allows).</summary>
    public static readonly OperationAuthorizationRequirement ReadReviews = new() { Name = nameof(ReadReviews) };

    /// <summary>Read the committee's minutes and discussion of it.</summary>
    public static readonly OperationAuthorizationRequirement ReadMinutes = new() { Name = nameof(ReadMinutes) };

    /// <summary>Run its process: rounds, assignments, gates outside the committee, trials, agreements.</summary>
    public static readonly OperationAuthorizationRequirement Manage = new() { Name = nameof(Manage) };

    /// <summary>Take the committee's decision on it (the chair).</summary>
    public static readonly OperationAuthorizationRequirement DecideAtCommittee = new() { Name = nameof(DecideAtCommittee) };
}

/// <summary>
/// The resource-based authorization handler: sees the project and the user and asks <see cref="PipelineAccess"/>
/// (the one access rule). A standing conflict of interest fails every operation.
/// </summary>
public sealed class ProjectAuthorizationHandler(PipelineAccess access) : AuthorizationHandler<OperationAuthorizationRequirement, DevelopmentProject>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, DevelopmentProject resource)
    {
        var viewer = await access.ViewerAsync(context.User);
        var view = await access.ViewAsync(viewer, resource);
        var allowed = requirement.Name switch
        {
            nameof(ProjectOperations.Read) => view.Visibility == Visibility.Full,
            nameof(ProjectOperations.ReadReviews) => view.Visibility == Visibility.Full && view.Reviews != ReviewAccess.None,
            nameof(ProjectOperations.ReadMinutes) => view.Visibility == Visibility.Full && view.Minutes,
            nameof(ProjectOperations.Manage) => view.Visibility == Visibility.Full && viewer.Manages,
            nameof(ProjectOperations.DecideAtCommittee) => view.Visibility == Visibility.Full && viewer.Is(PipelineRole.Chair),
            _ => false,
        };
        if (allowed)
        {
            context.Succeed(requirement);
        }
    }
}

using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Helpdesk.Core.Persistence.PostgresMigrations
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:citext", ",,");

            migrationBuilder.CreateTable(
                name: "AgentGroup",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "citext", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgentGroup", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EmailAction",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    TestRecipient = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    From = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    ReplyTo = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    To = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Cc = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Bcc = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    SubjectTemplate = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    BodyTemplate = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmailAction", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ImapMailboxState",
                columns: table => new
                {
                    Mailbox = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    UidValidity = table.Column<long>(type: "bigint", nullable: false),
                    HighestUid = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImapMailboxState", x => x.Mailbox);
                });

            migrationBuilder.CreateTable(
                name: "InboundMessage",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Mailbox = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ServerId = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    MessageId = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    RawSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    From = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    SenderAddress = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    Subject = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    ProcessedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Outcome = table.Column<string>(type: "text", nullable: true),
                    Error = table.Column<string>(type: "text", nullable: true),
                    TicketId = table.Column<int>(type: "integer", nullable: true),
                    ClaimToken = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ClaimExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboundMessage", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MessageTemplate",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Subject = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Body = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MessageTemplate", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Organization",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "citext", maxLength: 200, nullable: false),
                    IsSupplier = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organization", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OutboxMessage",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MessageId = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    TicketId = table.Column<int>(type: "integer", nullable: true),
                    CaseLogEntryId = table.Column<long>(type: "bigint", nullable: true),
                    Kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TriggerId = table.Column<int>(type: "integer", nullable: true),
                    ActionId = table.Column<int>(type: "integer", nullable: true),
                    IsTest = table.Column<bool>(type: "boolean", nullable: false),
                    From = table.Column<string>(type: "text", nullable: false),
                    ReplyTo = table.Column<string>(type: "text", nullable: true),
                    To = table.Column<string>(type: "text", nullable: false),
                    Cc = table.Column<string>(type: "text", nullable: false),
                    Bcc = table.Column<string>(type: "text", nullable: false),
                    Subject = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    TextBody = table.Column<string>(type: "text", nullable: false),
                    HtmlBody = table.Column<string>(type: "text", nullable: true),
                    InReplyTo = table.Column<string>(type: "text", nullable: true),
                    References = table.Column<string>(type: "text", nullable: true),
                    AutoSubmitted = table.Column<bool>(type: "boolean", nullable: false),
                    RecipientReasons = table.Column<string>(type: "text", nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "text", nullable: true),
                    RawSha256 = table.Column<string>(type: "text", nullable: true),
                    BouncedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClaimToken = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ClaimExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Attachments = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMessage", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReplyTemplate",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Body = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReplyTemplate", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SavedAlertSwitch",
                columns: table => new
                {
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    Recipients = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SavedAlertSwitch", x => x.Kind);
                });

            migrationBuilder.CreateTable(
                name: "SavedCorrespondenceSwitches",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    AdminEmail = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    NewTicketAutoresponseForEndUsers = table.Column<bool>(type: "boolean", nullable: false),
                    NewTicketAutoresponseForInternalTickets = table.Column<bool>(type: "boolean", nullable: false),
                    NewMessageAutoresponse = table.Column<bool>(type: "boolean", nullable: false),
                    NewMessageAutoresponseToCollaborators = table.Column<bool>(type: "boolean", nullable: false),
                    OverlimitNotice = table.Column<bool>(type: "boolean", nullable: false),
                    MaxOpenTicketsPerUser = table.Column<int>(type: "integer", nullable: false),
                    SqlErrorAlerts = table.Column<bool>(type: "boolean", nullable: false),
                    ExcessiveLoginAlerts = table.Column<bool>(type: "boolean", nullable: false),
                    FailedLoginThreshold = table.Column<int>(type: "integer", nullable: false),
                    FailedLoginWindow = table.Column<TimeSpan>(type: "interval", nullable: false),
                    SystemAlertInterval = table.Column<TimeSpan>(type: "interval", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SavedCorrespondenceSwitches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SavedEmailPolicy",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    UnknownSenders = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SavedEmailPolicy", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SlaPlan",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    GracePeriodHours = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SlaPlan", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SystemAlertLog",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    LastSentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EpisodeOpen = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SystemAlertLog", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "TicketChange",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TicketId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ActorId = table.Column<int>(type: "integer", nullable: true),
                    Origin = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    TicketVersion = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TicketChange", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TicketViews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Statuses = table.Column<string[]>(type: "text[]", nullable: false),
                    TeamId = table.Column<int>(type: "integer", nullable: true),
                    Assignee = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AssigneePersonId = table.Column<int>(type: "integer", nullable: true),
                    Impact = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    OverdueOnly = table.Column<bool>(type: "boolean", nullable: false),
                    Text = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Sort = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Descending = table.Column<bool>(type: "boolean", nullable: false),
                    Columns = table.Column<string[]>(type: "text[]", nullable: false),
                    Audience = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AudienceRoles = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AudienceTeamIds = table.Column<List<int>>(type: "integer[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TicketViews", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Trigger",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    TargetClass = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    LogAttribute = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Filter = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Trigger", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoleId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Person",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PrimaryEmail = table.Column<string>(type: "citext", maxLength: 320, nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: true),
                    Roles = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Person", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Person_Organization_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organization",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "TriggerActions",
                columns: table => new
                {
                    ActionsId = table.Column<int>(type: "integer", nullable: false),
                    TriggersId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TriggerActions", x => new { x.ActionsId, x.TriggersId });
                    table.ForeignKey(
                        name: "FK_TriggerActions_EmailAction_ActionsId",
                        column: x => x.ActionsId,
                        principalTable: "EmailAction",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TriggerActions_Trigger_TriggersId",
                        column: x => x.TriggersId,
                        principalTable: "Trigger",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AgentGroupMembers",
                columns: table => new
                {
                    AgentGroupId = table.Column<int>(type: "integer", nullable: false),
                    MembersId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgentGroupMembers", x => new { x.AgentGroupId, x.MembersId });
                    table.ForeignKey(
                        name: "FK_AgentGroupMembers_AgentGroup_AgentGroupId",
                        column: x => x.AgentGroupId,
                        principalTable: "AgentGroup",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AgentGroupMembers_Person_MembersId",
                        column: x => x.MembersId,
                        principalTable: "Person",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    PersonId = table.Column<int>(type: "integer", nullable: false),
                    MustChangePassword = table.Column<bool>(type: "boolean", nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    PasswordHash = table.Column<string>(type: "text", nullable: true),
                    SecurityStamp = table.Column<string>(type: "text", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true),
                    PhoneNumber = table.Column<string>(type: "text", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUsers_Person_PersonId",
                        column: x => x.PersonId,
                        principalTable: "Person",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Department",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "citext", maxLength: 200, nullable: false),
                    ManagerId = table.Column<int>(type: "integer", nullable: true),
                    AutorespondersDisabled = table.Column<bool>(type: "boolean", nullable: false),
                    AlertsDisabled = table.Column<bool>(type: "boolean", nullable: false),
                    DisabledAlertRecipients = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Recipients = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Department", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Department_Person_ManagerId",
                        column: x => x.ManagerId,
                        principalTable: "Person",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "PersonEmail",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PersonId = table.Column<int>(type: "integer", nullable: false),
                    Address = table.Column<string>(type: "citext", maxLength: 320, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonEmail", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PersonEmail_Person_PersonId",
                        column: x => x.PersonId,
                        principalTable: "Person",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    ProviderKey = table.Column<string>(type: "text", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "text", nullable: true),
                    UserId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    RoleId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AgentGroupDepartments",
                columns: table => new
                {
                    AgentGroupId = table.Column<int>(type: "integer", nullable: false),
                    DepartmentsId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgentGroupDepartments", x => new { x.AgentGroupId, x.DepartmentsId });
                    table.ForeignKey(
                        name: "FK_AgentGroupDepartments_AgentGroup_AgentGroupId",
                        column: x => x.AgentGroupId,
                        principalTable: "AgentGroup",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AgentGroupDepartments_Department_DepartmentsId",
                        column: x => x.DepartmentsId,
                        principalTable: "Department",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DepartmentMembers",
                columns: table => new
                {
                    DepartmentsId = table.Column<int>(type: "integer", nullable: false),
                    MembersId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DepartmentMembers", x => new { x.DepartmentsId, x.MembersId });
                    table.ForeignKey(
                        name: "FK_DepartmentMembers_Department_DepartmentsId",
                        column: x => x.DepartmentsId,
                        principalTable: "Department",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DepartmentMembers_Person_MembersId",
                        column: x => x.MembersId,
                        principalTable: "Person",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "HelpTopic",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "citext", maxLength: 200, nullable: false),
                    AutorespondersDisabled = table.Column<bool>(type: "boolean", nullable: false),
                    DepartmentId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HelpTopic", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HelpTopic_Department_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Department",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "Mailbox",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "citext", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Host = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    Port = table.Column<int>(type: "integer", nullable: false),
                    Security = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    UserName = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    ProtectedPassword = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Folder = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    UseIdle = table.Column<bool>(type: "boolean", nullable: false),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    DefaultHelpTopicId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Mailbox", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Mailbox_HelpTopic_DefaultHelpTopicId",
                        column: x => x.DefaultHelpTopicId,
                        principalTable: "HelpTopic",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "Team",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "citext", maxLength: 200, nullable: false),
                    InboundLocalPart = table.Column<string>(type: "citext", maxLength: 64, nullable: true),
                    LeadId = table.Column<int>(type: "integer", nullable: true),
                    DepartmentId = table.Column<int>(type: "integer", nullable: true),
                    DefaultHelpTopicId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Team", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Team_Department_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Department",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Team_HelpTopic_DefaultHelpTopicId",
                        column: x => x.DefaultHelpTopicId,
                        principalTable: "HelpTopic",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Team_Person_LeadId",
                        column: x => x.LeadId,
                        principalTable: "Person",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "ChangeOrProblem",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ManagerId = table.Column<int>(type: "integer", nullable: true),
                    TeamId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChangeOrProblem", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChangeOrProblem_Person_ManagerId",
                        column: x => x.ManagerId,
                        principalTable: "Person",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ChangeOrProblem_Team_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Team",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "ServiceInstance",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "citext", maxLength: 200, nullable: false),
                    FirstLineTeamId = table.Column<int>(type: "integer", nullable: true),
                    SupportTeamId = table.Column<int>(type: "integer", nullable: true),
                    SlaPlanId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceInstance", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ServiceInstance_SlaPlan_SlaPlanId",
                        column: x => x.SlaPlanId,
                        principalTable: "SlaPlan",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ServiceInstance_Team_FirstLineTeamId",
                        column: x => x.FirstLineTeamId,
                        principalTable: "Team",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ServiceInstance_Team_SupportTeamId",
                        column: x => x.SupportTeamId,
                        principalTable: "Team",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "SupportAgreement",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "citext", maxLength: 200, nullable: false),
                    CustomerOrganizationId = table.Column<int>(type: "integer", nullable: false),
                    ServiceDeskTeamId = table.Column<int>(type: "integer", nullable: true),
                    SlaPlanId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupportAgreement", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupportAgreement_Organization_CustomerOrganizationId",
                        column: x => x.CustomerOrganizationId,
                        principalTable: "Organization",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SupportAgreement_SlaPlan_SlaPlanId",
                        column: x => x.SlaPlanId,
                        principalTable: "SlaPlan",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_SupportAgreement_Team_ServiceDeskTeamId",
                        column: x => x.ServiceDeskTeamId,
                        principalTable: "Team",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "TeamMembers",
                columns: table => new
                {
                    MembersId = table.Column<int>(type: "integer", nullable: false),
                    TeamsId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TeamMembers", x => new { x.MembersId, x.TeamsId });
                    table.ForeignKey(
                        name: "FK_TeamMembers_Person_MembersId",
                        column: x => x.MembersId,
                        principalTable: "Person",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TeamMembers_Team_TeamsId",
                        column: x => x.TeamsId,
                        principalTable: "Team",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConfigurationItem",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Label = table.Column<string>(type: "citext", maxLength: 200, nullable: false),
                    Name = table.Column<string>(type: "citext", maxLength: 200, nullable: true),
                    Source = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    SourceId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ServiceInstanceId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConfigurationItem", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConfigurationItem_ServiceInstance_ServiceInstanceId",
                        column: x => x.ServiceInstanceId,
                        principalTable: "ServiceInstance",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "RequestTemplate",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Subject = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: true),
                    Note = table.Column<string>(type: "text", nullable: true),
                    Category = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Impact = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    TeamId = table.Column<int>(type: "integer", nullable: true),
                    ServiceInstanceId = table.Column<int>(type: "integer", nullable: true),
                    ChangeManagerId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequestTemplate", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RequestTemplate_Person_ChangeManagerId",
                        column: x => x.ChangeManagerId,
                        principalTable: "Person",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_RequestTemplate_ServiceInstance_ServiceInstanceId",
                        column: x => x.ServiceInstanceId,
                        principalTable: "ServiceInstance",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_RequestTemplate_Team_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Team",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "Ticket",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Subject = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Category = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Impact = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    RequestedById = table.Column<int>(type: "integer", nullable: false),
                    RequestedForId = table.Column<int>(type: "integer", nullable: false),
                    CreatedById = table.Column<int>(type: "integer", nullable: true),
                    TeamId = table.Column<int>(type: "integer", nullable: true),
                    MemberId = table.Column<int>(type: "integer", nullable: true),
                    DepartmentId = table.Column<int>(type: "integer", nullable: true),
                    Source = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SourceId = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    SourceInboundId = table.Column<long>(type: "bigint", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ResolutionTargetAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DesiredCompletionAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CompletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ServiceInstanceId = table.Column<int>(type: "integer", nullable: true),
                    ConfigurationItemId = table.Column<int>(type: "integer", nullable: true),
                    SupplierId = table.Column<int>(type: "integer", nullable: true),
                    SupplierRequestId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ChangeId = table.Column<int>(type: "integer", nullable: true),
                    ProblemId = table.Column<int>(type: "integer", nullable: true),
                    ExternalSystem = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    ExternalNumber = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DowntimeStartAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DowntimeEndAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    WaitingUntil = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CompletionReason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    HelpTopicId = table.Column<int>(type: "integer", nullable: true),
                    SlaPlanId = table.Column<int>(type: "integer", nullable: true),
                    SlaPausedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SlaPausedMinutes = table.Column<int>(type: "integer", nullable: false),
                    OverdueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ticket", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Ticket_ChangeOrProblem_ChangeId",
                        column: x => x.ChangeId,
                        principalTable: "ChangeOrProblem",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Ticket_ChangeOrProblem_ProblemId",
                        column: x => x.ProblemId,
                        principalTable: "ChangeOrProblem",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Ticket_ConfigurationItem_ConfigurationItemId",
                        column: x => x.ConfigurationItemId,
                        principalTable: "ConfigurationItem",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Ticket_Department_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Department",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Ticket_HelpTopic_HelpTopicId",
                        column: x => x.HelpTopicId,
                        principalTable: "HelpTopic",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Ticket_Organization_SupplierId",
                        column: x => x.SupplierId,
                        principalTable: "Organization",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Ticket_Person_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "Person",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Ticket_Person_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Person",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Ticket_Person_RequestedById",
                        column: x => x.RequestedById,
                        principalTable: "Person",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Ticket_Person_RequestedForId",
                        column: x => x.RequestedForId,
                        principalTable: "Person",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Ticket_ServiceInstance_ServiceInstanceId",
                        column: x => x.ServiceInstanceId,
                        principalTable: "ServiceInstance",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Ticket_SlaPlan_SlaPlanId",
                        column: x => x.SlaPlanId,
                        principalTable: "SlaPlan",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Ticket_Team_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Team",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "CaseLogDraft",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TicketId = table.Column<int>(type: "integer", nullable: false),
                    AgentId = table.Column<int>(type: "integer", nullable: false),
                    Log = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false),
                    Markdown = table.Column<bool>(type: "boolean", nullable: false),
                    SendEmail = table.Column<bool>(type: "boolean", nullable: false),
                    To = table.Column<List<string>>(type: "text[]", nullable: true),
                    Cc = table.Column<List<string>>(type: "text[]", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Files = table.Column<string>(type: "jsonb", nullable: true),
                    Mentions = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseLogDraft", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseLogDraft_Person_AgentId",
                        column: x => x.AgentId,
                        principalTable: "Person",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CaseLogDraft_Ticket_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Ticket",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseLogEntry",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TicketId = table.Column<int>(type: "integer", nullable: false),
                    Log = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    AuthorId = table.Column<int>(type: "integer", nullable: true),
                    AuthorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false),
                    Format = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Html = table.Column<string>(type: "text", nullable: false),
                    RemoteImageUrls = table.Column<List<string>>(type: "text[]", nullable: false),
                    HtmlVersion = table.Column<int>(type: "integer", nullable: false),
                    Origin = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    SourceMessageId = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    SourceInboundId = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseLogEntry", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseLogEntry_Ticket_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Ticket",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TicketAuditEntry",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TicketId = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ActorId = table.Column<int>(type: "integer", nullable: true),
                    ActorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Field = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OldValue = table.Column<string>(type: "text", nullable: true),
                    NewValue = table.Column<string>(type: "text", nullable: true),
                    Note = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TicketAuditEntry", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TicketAuditEntry_Ticket_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Ticket",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TicketCollaborator",
                columns: table => new
                {
                    TicketId = table.Column<int>(type: "integer", nullable: false),
                    PersonId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TicketCollaborator", x => new { x.TicketId, x.PersonId });
                    table.ForeignKey(
                        name: "FK_TicketCollaborator_Person_PersonId",
                        column: x => x.PersonId,
                        principalTable: "Person",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TicketCollaborator_Ticket_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Ticket",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Attachment",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TicketId = table.Column<int>(type: "integer", nullable: false),
                    CaseLogEntryId = table.Column<long>(type: "bigint", nullable: true),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    IsInline = table.Column<bool>(type: "boolean", nullable: false),
                    ContentId = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UploadedById = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Attachment", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Attachment_CaseLogEntry_CaseLogEntryId",
                        column: x => x.CaseLogEntryId,
                        principalTable: "CaseLogEntry",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Attachment_Ticket_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Ticket",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseLogMention",
                columns: table => new
                {
                    EntryId = table.Column<long>(type: "bigint", nullable: false),
                    PersonId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseLogMention", x => new { x.EntryId, x.PersonId });
                    table.ForeignKey(
                        name: "FK_CaseLogMention_CaseLogEntry_EntryId",
                        column: x => x.EntryId,
                        principalTable: "CaseLogEntry",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CaseLogMention_Person_PersonId",
                        column: x => x.PersonId,
                        principalTable: "Person",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AgentGroup_Name",
                table: "AgentGroup",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AgentGroupDepartments_DepartmentsId",
                table: "AgentGroupDepartments",
                column: "DepartmentsId");

            migrationBuilder.CreateIndex(
                name: "IX_AgentGroupMembers_MembersId",
                table: "AgentGroupMembers",
                column: "MembersId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_PersonId",
                table: "AspNetUsers",
                column: "PersonId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Attachment_CaseLogEntryId",
                table: "Attachment",
                column: "CaseLogEntryId");

            migrationBuilder.CreateIndex(
                name: "IX_Attachment_Sha256",
                table: "Attachment",
                column: "Sha256");

            migrationBuilder.CreateIndex(
                name: "IX_Attachment_TicketId",
                table: "Attachment",
                column: "TicketId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseLogDraft_AgentId",
                table: "CaseLogDraft",
                column: "AgentId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseLogDraft_TicketId_AgentId_Log",
                table: "CaseLogDraft",
                columns: new[] { "TicketId", "AgentId", "Log" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CaseLogEntry_HtmlVersion",
                table: "CaseLogEntry",
                column: "HtmlVersion");

            migrationBuilder.CreateIndex(
                name: "IX_CaseLogEntry_SourceMessageId",
                table: "CaseLogEntry",
                column: "SourceMessageId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseLogEntry_TicketId_Log_CreatedAt",
                table: "CaseLogEntry",
                columns: new[] { "TicketId", "Log", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseLogEntry_TicketId_SourceInboundId",
                table: "CaseLogEntry",
                columns: new[] { "TicketId", "SourceInboundId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CaseLogMention_PersonId",
                table: "CaseLogMention",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_ChangeOrProblem_ManagerId",
                table: "ChangeOrProblem",
                column: "ManagerId");

            migrationBuilder.CreateIndex(
                name: "IX_ChangeOrProblem_TeamId",
                table: "ChangeOrProblem",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "IX_ConfigurationItem_Label",
                table: "ConfigurationItem",
                column: "Label",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConfigurationItem_Name",
                table: "ConfigurationItem",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_ConfigurationItem_ServiceInstanceId",
                table: "ConfigurationItem",
                column: "ServiceInstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_ConfigurationItem_Source_SourceId",
                table: "ConfigurationItem",
                columns: new[] { "Source", "SourceId" });

            migrationBuilder.CreateIndex(
                name: "IX_Department_ManagerId",
                table: "Department",
                column: "ManagerId");

            migrationBuilder.CreateIndex(
                name: "IX_Department_Name",
                table: "Department",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DepartmentMembers_MembersId",
                table: "DepartmentMembers",
                column: "MembersId");

            migrationBuilder.CreateIndex(
                name: "IX_HelpTopic_DepartmentId",
                table: "HelpTopic",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_HelpTopic_Name",
                table: "HelpTopic",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InboundMessage_ClaimToken",
                table: "InboundMessage",
                column: "ClaimToken");

            migrationBuilder.CreateIndex(
                name: "IX_InboundMessage_Mailbox_ServerId",
                table: "InboundMessage",
                columns: new[] { "Mailbox", "ServerId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InboundMessage_MessageId",
                table: "InboundMessage",
                column: "MessageId");

            migrationBuilder.CreateIndex(
                name: "IX_InboundMessage_RawSha256",
                table: "InboundMessage",
                column: "RawSha256");

            migrationBuilder.CreateIndex(
                name: "IX_InboundMessage_SenderAddress_ReceivedAt",
                table: "InboundMessage",
                columns: new[] { "SenderAddress", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_InboundMessage_Status",
                table: "InboundMessage",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_Mailbox_DefaultHelpTopicId",
                table: "Mailbox",
                column: "DefaultHelpTopicId");

            migrationBuilder.CreateIndex(
                name: "IX_Mailbox_Name",
                table: "Mailbox",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MessageTemplate_Kind",
                table: "MessageTemplate",
                column: "Kind",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Organization_Name",
                table: "Organization",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessage_CaseLogEntryId",
                table: "OutboxMessage",
                column: "CaseLogEntryId");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessage_ClaimToken",
                table: "OutboxMessage",
                column: "ClaimToken");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessage_MessageId",
                table: "OutboxMessage",
                column: "MessageId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessage_Status_NextAttemptAt",
                table: "OutboxMessage",
                columns: new[] { "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessage_TicketId",
                table: "OutboxMessage",
                column: "TicketId");

            migrationBuilder.CreateIndex(
                name: "IX_Person_Name",
                table: "Person",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_Person_OrganizationId",
                table: "Person",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Person_PrimaryEmail",
                table: "Person",
                column: "PrimaryEmail",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PersonEmail_Address",
                table: "PersonEmail",
                column: "Address",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PersonEmail_PersonId",
                table: "PersonEmail",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_ReplyTemplate_Name",
                table: "ReplyTemplate",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RequestTemplate_ChangeManagerId",
                table: "RequestTemplate",
                column: "ChangeManagerId");

            migrationBuilder.CreateIndex(
                name: "IX_RequestTemplate_ServiceInstanceId",
                table: "RequestTemplate",
                column: "ServiceInstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_RequestTemplate_TeamId",
                table: "RequestTemplate",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceInstance_FirstLineTeamId",
                table: "ServiceInstance",
                column: "FirstLineTeamId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceInstance_Name",
                table: "ServiceInstance",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ServiceInstance_SlaPlanId",
                table: "ServiceInstance",
                column: "SlaPlanId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceInstance_SupportTeamId",
                table: "ServiceInstance",
                column: "SupportTeamId");

            migrationBuilder.CreateIndex(
                name: "IX_SupportAgreement_CustomerOrganizationId",
                table: "SupportAgreement",
                column: "CustomerOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_SupportAgreement_Name",
                table: "SupportAgreement",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupportAgreement_ServiceDeskTeamId",
                table: "SupportAgreement",
                column: "ServiceDeskTeamId");

            migrationBuilder.CreateIndex(
                name: "IX_SupportAgreement_SlaPlanId",
                table: "SupportAgreement",
                column: "SlaPlanId");

            migrationBuilder.CreateIndex(
                name: "IX_Team_DefaultHelpTopicId",
                table: "Team",
                column: "DefaultHelpTopicId");

            migrationBuilder.CreateIndex(
                name: "IX_Team_DepartmentId",
                table: "Team",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Team_InboundLocalPart",
                table: "Team",
                column: "InboundLocalPart",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Team_LeadId",
                table: "Team",
                column: "LeadId");

            migrationBuilder.CreateIndex(
                name: "IX_Team_Name",
                table: "Team",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TeamMembers_TeamsId",
                table: "TeamMembers",
                column: "TeamsId");

            migrationBuilder.CreateIndex(
                name: "IX_Ticket_ChangeId",
                table: "Ticket",
                column: "ChangeId");

            migrationBuilder.CreateIndex(
                name: "IX_Ticket_ConfigurationItemId",
                table: "Ticket",
                column: "ConfigurationItemId");

            migrationBuilder.CreateIndex(
                name: "IX_Ticket_CreatedAt",
                table: "Ticket",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Ticket_CreatedById",
                table: "Ticket",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_Ticket_DepartmentId",
                table: "Ticket",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Ticket_ExternalSystem_ExternalNumber",
                table: "Ticket",
                columns: new[] { "ExternalSystem", "ExternalNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_Ticket_HelpTopicId",
                table: "Ticket",
                column: "HelpTopicId");

            migrationBuilder.CreateIndex(
                name: "IX_Ticket_MemberId",
                table: "Ticket",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_Ticket_ProblemId",
                table: "Ticket",
                column: "ProblemId");

            migrationBuilder.CreateIndex(
                name: "IX_Ticket_RequestedById",
                table: "Ticket",
                column: "RequestedById");

            migrationBuilder.CreateIndex(
                name: "IX_Ticket_RequestedForId",
                table: "Ticket",
                column: "RequestedForId");

            migrationBuilder.CreateIndex(
                name: "IX_Ticket_ServiceInstanceId",
                table: "Ticket",
                column: "ServiceInstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_Ticket_SlaPlanId",
                table: "Ticket",
                column: "SlaPlanId");

            migrationBuilder.CreateIndex(
                name: "IX_Ticket_Source_RequestedForId_CreatedAt",
                table: "Ticket",
                columns: new[] { "Source", "RequestedForId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Ticket_SourceInboundId",
                table: "Ticket",
                column: "SourceInboundId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Ticket_Status",
                table: "Ticket",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_Ticket_SupplierId",
                table: "Ticket",
                column: "SupplierId");

            migrationBuilder.CreateIndex(
                name: "IX_Ticket_TeamId",
                table: "Ticket",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "IX_Ticket_UpdatedAt",
                table: "Ticket",
                column: "UpdatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_TicketAuditEntry_TicketId_At",
                table: "TicketAuditEntry",
                columns: new[] { "TicketId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_TicketChange_At",
                table: "TicketChange",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_TicketCollaborator_PersonId",
                table: "TicketCollaborator",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_TicketViews_Name",
                table: "TicketViews",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Trigger_Kind",
                table: "Trigger",
                column: "Kind");

            migrationBuilder.CreateIndex(
                name: "IX_TriggerActions_TriggersId",
                table: "TriggerActions",
                column: "TriggersId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgentGroupDepartments");

            migrationBuilder.DropTable(
                name: "AgentGroupMembers");

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "Attachment");

            migrationBuilder.DropTable(
                name: "CaseLogDraft");

            migrationBuilder.DropTable(
                name: "CaseLogMention");

            migrationBuilder.DropTable(
                name: "DepartmentMembers");

            migrationBuilder.DropTable(
                name: "ImapMailboxState");

            migrationBuilder.DropTable(
                name: "InboundMessage");

            migrationBuilder.DropTable(
                name: "Mailbox");

            migrationBuilder.DropTable(
                name: "MessageTemplate");

            migrationBuilder.DropTable(
                name: "OutboxMessage");

            migrationBuilder.DropTable(
                name: "PersonEmail");

            migrationBuilder.DropTable(
                name: "ReplyTemplate");

            migrationBuilder.DropTable(
                name: "RequestTemplate");

            migrationBuilder.DropTable(
                name: "SavedAlertSwitch");

            migrationBuilder.DropTable(
                name: "SavedCorrespondenceSwitches");

            migrationBuilder.DropTable(
                name: "SavedEmailPolicy");

            migrationBuilder.DropTable(
                name: "SupportAgreement");

            migrationBuilder.DropTable(
                name: "SystemAlertLog");

            migrationBuilder.DropTable(
                name: "TeamMembers");

            migrationBuilder.DropTable(
                name: "TicketAuditEntry");

            migrationBuilder.DropTable(
                name: "TicketChange");

            migrationBuilder.DropTable(
                name: "TicketCollaborator");

            migrationBuilder.DropTable(
                name: "TicketViews");

            migrationBuilder.DropTable(
                name: "TriggerActions");

            migrationBuilder.DropTable(
                name: "AgentGroup");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "CaseLogEntry");

            migrationBuilder.DropTable(
                name: "EmailAction");

            migrationBuilder.DropTable(
                name: "Trigger");

            migrationBuilder.DropTable(
                name: "Ticket");

            migrationBuilder.DropTable(
                name: "ChangeOrProblem");

            migrationBuilder.DropTable(
                name: "ConfigurationItem");

            migrationBuilder.DropTable(
                name: "ServiceInstance");

            migrationBuilder.DropTable(
                name: "SlaPlan");

            migrationBuilder.DropTable(
                name: "Team");

            migrationBuilder.DropTable(
                name: "HelpTopic");

            migrationBuilder.DropTable(
                name: "Department");

            migrationBuilder.DropTable(
                name: "Person");

            migrationBuilder.DropTable(
                name: "Organization");
        }
    }
}

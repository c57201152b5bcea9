#!/usr/bin/env bash
# scripts/mail-stack.sh - a real mail server on loopback for the Helpdesk tests.
#
#   Postfix does SMTP, Dovecot does IMAP, POP3 and LMTP; everything listens on 127.0.0.1 only.
#   Every address in every domain is accepted and delivered to /var/vmail/<domain>/<local>/Maildir;
#   nothing is relayed off the machine. Recipe and measurements: /work/shared/notes/mail-stack.md.
#
# Usage (as root; Debian 12; no systemd needed):
#   scripts/mail-stack.sh start    install packages if missing, (re)write every config, create the
#                                  vmail user, start the daemons or reload them if running, then wait
#                                  until each port greets. Safe to run any number of times.
#   scripts/mail-stack.sh stop     stop only this Postfix and this Dovecot (via their pid files).
#                                  Mail, configs and logs stay.
#   scripts/mail-stack.sh reset    empty every mailbox and the Postfix queue; daemons keep running.
#                                  Run it only while no test client is connected.
#   scripts/mail-stack.sh status   show pids and the greeting of each port; exit 0 if all answer.
#   scripts/mail-stack.sh smtp-down / smtp-up
#                                  stop only Postfix / start it again (outage tests; IMAP/POP3 stay up).
#
# Endpoints (defaults):
#   SMTP 127.0.0.1:2525 and :25 (no auth needed from loopback; AUTH PLAIN/LOGIN offered)
#   IMAP 127.0.0.1:1143, POP3 127.0.0.1:1110 (plaintext LOGIN / USER+PASS / SASL PLAIN)
#   Logins use the full address. Named users (password "secret"):
#     support@, network.support@, agent1@, agent2@helpdesk.test; alice@, bob@customer.test
#   Any other address logs in with $MAILSTACK_PASSWORD. A bare login "x" means x@helpdesk.test.
#   Plus-addressing: support+T42@helpdesk.test lands in support@helpdesk.test's INBOX.
#
# Environment variables:
#   MAILSTACK_SMTP_PORT   extra SMTP port                         (default 2525)
#   MAILSTACK_SMTP25      1 = also listen on port 25, 0 = don't   (default 1)
#   MAILSTACK_IMAP_PORT   IMAP port                               (default 1143)
#   MAILSTACK_POP3_PORT   POP3 port                               (default 1110)
#   MAILSTACK_PASSWORD    password of every non-named address     (default secret)
#   MAILSTACK_TIMEOUT     seconds to wait for the port greetings  (default 30)
#   MAILSTACK_TLS         1 = STARTTLS on all ports plus implicit-TLS ports below, with a
#                         self-signed cert /etc/mailstack-tls/mail.pem (default 0 = no TLS;
#                         with TLS on, default MailKit code fails on the self-signed cert)
#   MAILSTACK_SMTPS_PORT / MAILSTACK_IMAPS_PORT / MAILSTACK_POP3S_PORT
#                         implicit-TLS ports, TLS mode only       (default 2465 / 1993 / 1995)
#
# Files: /etc/postfix/{main,master}.cf and /etc/postfix/helpdesk-test-*.regexp (written whole),
#   /etc/dovecot/helpdesk-test.conf + helpdesk-test.users (Debian's dovecot.conf is untouched),
#   logs /var/log/postfix.log and /var/log/dovecot.log,
#   pid files /var/spool/postfix/pid/master.pid and /run/mailstack-dovecot/master.pid.
#   Use `doveconf -c /etc/dovecot/helpdesk-test.conf -n` (same -c for doveadm).
set -euo pipefail

SMTP_PORT=${MAILSTACK_SMTP_PORT:-2525}
SMTP25=${MAILSTACK_SMTP25:-1}
IMAP_PORT=${MAILSTACK_IMAP_PORT:-1143}
POP3_PORT=${MAILSTACK_POP3_PORT:-1110}
PASSWORD=${MAILSTACK_PASSWORD:-secret}
TIMEOUT=${MAILSTACK_TIMEOUT:-30}
TLS=${MAILSTACK_TLS:-0}
SMTPS_PORT=${MAILSTACK_SMTPS_PORT:-2465}
IMAPS_PORT=${MAILSTACK_IMAPS_PORT:-1993}
POP3S_PORT=${MAILSTACK_POP3S_PORT:-1995}

PACKAGES=(postfix dovecot-core dovecot-imapd dovecot-pop3d dovecot-lmtpd)
NAMED_USERS=(support@helpdesk.test network.support@helpdesk.test agent1@helpdesk.test
             agent2@helpdesk.test alice@customer.test bob@customer.test)
DOVECOT_CONF=/etc/dovecot/helpdesk-test.conf
DOVECOT_USERS=/etc/dovecot/helpdesk-test.users
DOVECOT_BASE=/run/mailstack-dovecot
DOVECOT_STATE=/var/lib/mailstack-dovecot
POSTFIX_PID=/var/spool/postfix/pid/master.pid
POSTFIX_LOG=/var/log/postfix.log
DOVECOT_LOG=/var/log/dovecot.log
TLS_DIR=/etc/mailstack-tls
VMAIL=/var/vmail

log() { echo "mail-stack: $*"; }
die() { echo "mail-stack: ERROR: $*" >&2; exit 1; }

show_logs() {
    local f
    for f in "$POSTFIX_LOG" "$DOVECOT_LOG"; do
        [ -f "$f" ] || continue
        echo "----- last lines of $f -----" >&2
        tail -n 15 "$f" >&2
    done
}

# Run "$@" fully detached from the caller: stdin from /dev/null, stdout+stderr appended to $1,
# every inherited fd above 2 closed. Otherwise a daemon keeps e.g. the pipe of
# `mail-stack.sh start | cat` open and the pipeline never ends.
detached() {
    local out=$1; shift
    (
        for f in "/proc/$BASHPID/fd"/*; do
            fd=${f##*/}
            if (( fd > 2 )); then eval "exec $fd>&-"; fi
        done
        exec "$@" </dev/null >>"$out" 2>&1
    )
}

# Pid of a running master from its pid file, if it is alive and is the expected program.
pid_if_running() {  # pidfile, expected substring of /proc/<pid>/cmdline
    local pid
    [ -r "$1" ] || return 1
    pid=$(tr -dc '0-9' <"$1")
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "$2" || return 1
    echo "$pid"
}
postfix_pid() { pid_if_running "$POSTFIX_PID" "master"; }
dovecot_pid() { pid_if_running "$DOVECOT_BASE/master.pid" "$DOVECOT_CONF"; }

# ---------------------------------------------------------------------------------------------
# Packages
# ---------------------------------------------------------------------------------------------
install_packages() {
    local missing=() p created_policy=0
    for p in "${PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    log "installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    # "No configuration": the package writes no main.cf; this script writes all of it.
    echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
    # No init system: keep the maintainer scripts from starting daemons (the daemons are started
    # below). Some images already ship a policy-rc.d that denies everything; if not, add one.
    if [ ! -e /usr/sbin/policy-rc.d ]; then
        printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
        chmod 755 /usr/sbin/policy-rc.d
        created_policy=1
        trap 'rm -f /usr/sbin/policy-rc.d' EXIT
    fi
    if ! compgen -G '/var/lib/apt/lists/*_Packages*' >/dev/null; then
        apt-get update
    fi
    if ! apt-get install -y --no-install-recommends "${missing[@]}"; then
        log "install failed; refreshing package lists and retrying"
        apt-get update
        apt-get install -y --no-install-recommends "${missing[@]}"
    fi
    if [ $created_policy = 1 ]; then
        rm -f /usr/sbin/policy-rc.d
        trap - EXIT
    fi
}

# ---------------------------------------------------------------------------------------------
# Users, directories, TLS certificate
# ---------------------------------------------------------------------------------------------
ensure_vmail() {
    # uid/gid 5000 when free; an existing vmail user/group is reused whatever its ids.
    if ! getent group vmail >/dev/null; then
        if getent group 5000 >/dev/null; then groupadd --system vmail; else groupadd -g 5000 vmail; fi
    fi
    if ! getent passwd vmail >/dev/null; then
        local uidopt=(-u 5000)
        getent passwd 5000 >/dev/null && uidopt=()
        useradd "${uidopt[@]}" -g vmail -d "$VMAIL" -M -s /usr/sbin/nologin vmail
    fi
    VMAIL_UID=$(id -u vmail)
    VMAIL_GID=$(getent group vmail | cut -d: -f3)
    mkdir -p "$VMAIL" "$DOVECOT_STATE" /var/spool/postfix/private
    chown vmail:vmail "$VMAIL"
    chmod 0770 "$VMAIL"
}

ensure_tls_cert() {
    [ -s "$TLS_DIR/mail.pem" ] && [ -s "$TLS_DIR/mail.key" ] && return 0
    command -v openssl >/dev/null || apt-get install -y --no-install-recommends openssl
    log "creating self-signed certificate $TLS_DIR/mail.pem"
    mkdir -p "$TLS_DIR"
    openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=mail.helpdesk.test" \
        -addext "subjectAltName=DNS:mail.helpdesk.test,DNS:localhost,IP:127.0.0.1" \
        -keyout "$TLS_DIR/mail.key" -out "$TLS_DIR/mail.pem" 2>/dev/null
    chmod 0644 "$TLS_DIR/mail.pem"
    chmod 0600 "$TLS_DIR/mail.key"
}

# ---------------------------------------------------------------------------------------------
# Configs (always written whole, so every run gives the same result)
# ---------------------------------------------------------------------------------------------
write_postfix_config() {
    echo '/./ OK' >/etc/postfix/helpdesk-test-domains.regexp    # every domain is local
    echo '/@/ OK' >/etc/postfix/helpdesk-test-mailboxes.regexp  # every address exists

    local tls_level=none tls_files=""
    if [ "$TLS" = 1 ]; then
        tls_level=may
        tls_files="smtpd_tls_cert_file = $TLS_DIR/mail.pem
smtpd_tls_key_file = $TLS_DIR/mail.key"
    fi

    cat >/etc/postfix/main.cf <<EOF
# Written by scripts/mail-stack.sh - rewritten on every start, do not edit.
compatibility_level = 3.6
myhostname = mail.helpdesk.test
mydomain = helpdesk.test
myorigin = \$mydomain
smtpd_banner = \$myhostname ESMTP helpdesk-test
biff = no
append_dot_mydomain = no

# Loopback only; loopback clients may send anything without AUTH.
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
smtpd_relay_restrictions = permit_mynetworks permit_sasl_authenticated reject_unauth_destination

# No local(8) delivery. Every domain and every address is a virtual mailbox, delivered to
# Dovecot over LMTP, so nothing ever leaves the machine.
mydestination =
local_recipient_maps =
alias_maps =
alias_database =
relay_domains =
virtual_mailbox_domains = regexp:/etc/postfix/helpdesk-test-domains.regexp
virtual_mailbox_maps = regexp:/etc/postfix/helpdesk-test-mailboxes.regexp
virtual_transport = lmtp:unix:private/dovecot-lmtp
recipient_delimiter = +

message_size_limit = 52428800
mailbox_size_limit = 0
virtual_mailbox_limit = 0
in_flow_delay = 0

# SMTP AUTH checked against Dovecot's users.
smtpd_sasl_type = dovecot
smtpd_sasl_path = private/auth
smtpd_sasl_auth_enable = yes

smtpd_tls_security_level = $tls_level
$tls_files
smtp_tls_security_level = none

# No syslog daemon: Postfix logs itself (needs the postlog line in master.cf).
maillog_file = $POSTFIX_LOG
EOF

    local smtp25="" extra="" smtps=""
    [ "$SMTP25" = 1 ] && smtp25="smtp      inet  n       -       n       -       -       smtpd"
    if [ "$SMTP_PORT" != 25 ] || [ "$SMTP25" != 1 ]; then
        extra="127.0.0.1:$SMTP_PORT inet n   -       n       -       -       smtpd"
    fi
    [ "$TLS" = 1 ] && smtps="127.0.0.1:$SMTPS_PORT inet n   -       n       -       -       smtpd
  -o smtpd_tls_wrappermode=yes
  -o smtpd_tls_security_level=encrypt"

    cat >/etc/postfix/master.cf <<EOF
# Written by scripts/mail-stack.sh - rewritten on every start, do not edit.
# chroot is "n" everywhere: without Debian's init wrapper nothing copies /etc/hosts etc. into
# the chroot, and chrooted processes would fall back to (unreachable) DNS.
# service type  private unpriv  chroot  wakeup  maxproc command + args
$smtp25
$extra
$smtps
pickup    unix  n       -       n       60      1       pickup
cleanup   unix  n       -       n       -       0       cleanup
qmgr      unix  n       -       n       300     1       qmgr
tlsmgr    unix  -       -       n       1000?   1       tlsmgr
rewrite   unix  -       -       n       -       -       trivial-rewrite
bounce    unix  -       -       n       -       0       bounce
defer     unix  -       -       n       -       0       bounce
trace     unix  -       -       n       -       0       bounce
verify    unix  -       -       n       -       1       verify
flush     unix  n       -       n       1000?   0       flush
proxymap  unix  -       -       n       -       -       proxymap
proxywrite unix -       -       n       -       1       proxymap
smtp      unix  -       -       n       -       -       smtp
relay     unix  -       -       n       -       -       smtp
showq     unix  n       -       n       -       -       showq
error     unix  -       -       n       -       -       error
retry     unix  -       -       n       -       -       error
discard   unix  -       -       n       -       -       discard
local     unix  -       n       n       -       -       local
virtual   unix  -       n       n       -       -       virtual
lmtp      unix  -       -       n       -       -       lmtp
anvil     unix  -       -       n       -       1       anvil
scache    unix  -       -       n       -       1       scache
postlog   unix-dgram n  -       n       -       1       postlogd
EOF
}

write_dovecot_config() {
    local u
    : >"$DOVECOT_USERS"
    for u in "${NAMED_USERS[@]}"; do echo "$u:{PLAIN}secret::::::" >>"$DOVECOT_USERS"; done
    chown root:dovecot "$DOVECOT_USERS"
    chmod 0640 "$DOVECOT_USERS"

    local ssl="ssl = no" imaps=0 pop3s=0
    if [ "$TLS" = 1 ]; then
        ssl="ssl = yes
ssl_cert = <$TLS_DIR/mail.pem
ssl_key = <$TLS_DIR/mail.key"
        imaps=$IMAPS_PORT pop3s=$POP3S_PORT
    fi

    cat >"$DOVECOT_CONF" <<EOF
# Written by scripts/mail-stack.sh - rewritten on every start, do not edit.
# Standalone config (Debian's dovecot.conf is not used):
#   /usr/sbin/dovecot -c $DOVECOT_CONF ; doveconf -c $DOVECOT_CONF -n
protocols = imap pop3 lmtp
listen = 127.0.0.1
base_dir = $DOVECOT_BASE/
state_dir = $DOVECOT_STATE
log_path = $DOVECOT_LOG
info_log_path = $DOVECOT_LOG
hostname = mail.helpdesk.test
postmaster_address = postmaster@helpdesk.test

$ssl
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_username_format = %Lu
auth_default_realm = helpdesk.test
auth_failure_delay = 0

# Named users first; any other address logs in with the shared password. Keep the default
# result_failure=continue on the first passdb, or the catch-all below never runs.
passdb {
  driver = passwd-file
  args = scheme=PLAIN $DOVECOT_USERS
}
passdb {
  driver = static
  args = password=$PASSWORD
}
userdb {
  driver = passwd-file
  args = $DOVECOT_USERS
  default_fields = uid=vmail gid=vmail home=$VMAIL/%d/%n
}
userdb {
  driver = static
  args = uid=vmail gid=vmail home=$VMAIL/%d/%n allow_all_users=yes
}

mail_location = maildir:~/Maildir
mail_uid = vmail
mail_gid = vmail
first_valid_uid = $VMAIL_UID
last_valid_uid = $VMAIL_UID
first_valid_gid = $VMAIL_GID
last_valid_gid = $VMAIL_GID
mail_max_userip_connections = 500
mail_fsync = never
recipient_delimiter = +
lmtp_save_to_detail_mailbox = no

namespace inbox {
  inbox = yes
  separator = /
  mailbox Drafts {
    special_use = \Drafts
    auto = subscribe
  }
  mailbox Sent {
    special_use = \Sent
    auto = subscribe
  }
  mailbox Trash {
    special_use = \Trash
    auto = subscribe
  }
  mailbox Junk {
    special_use = \Junk
    auto = subscribe
  }
}

service imap-login {
  inet_listener imap {
    port = $IMAP_PORT
  }
  inet_listener imaps {
    port = $imaps
  }
}
service pop3-login {
  inet_listener pop3 {
    port = $POP3_PORT
  }
  inet_listener pop3s {
    port = $pop3s
  }
}
# Postfix delivers here (path relative to its queue dir: private/dovecot-lmtp).
service lmtp {
  unix_listener /var/spool/postfix/private/dovecot-lmtp {
    user = postfix
    group = postfix
    mode = 0600
  }
}
# SMTP AUTH (Postfix smtpd_sasl_path = private/auth).
service auth {
  unix_listener /var/spool/postfix/private/auth {
    user = postfix
    group = postfix
    mode = 0660
  }
  unix_listener auth-userdb {
    mode = 0600
  }
}
# Mail processes run as vmail and must be able to write stats.
service stats {
  unix_listener stats-writer {
    group = vmail
    mode = 0660
  }
}
EOF
}

# ---------------------------------------------------------------------------------------------
# Waiting for greetings
# ---------------------------------------------------------------------------------------------
greeting() {  # port [tls] -> prints the first line the server sends
    if [ "${2:-}" = tls ]; then
        { sleep 1; printf 'QUIT\r\n'; } |
            timeout 5 openssl s_client -connect "127.0.0.1:$1" -quiet 2>/dev/null | head -n 1 | tr -d '\r'
    else
        # shellcheck disable=SC2016  # $1 expands in the child bash
        timeout 3 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1" && IFS= read -r l <&3 && printf "%s\n" "$l"' \
            _ "$1" </dev/null 2>/dev/null | tr -d '\r'
    fi
}

# One line per port: "port|expected greeting prefix|tls-or-empty"
endpoints() {
    if [ "$SMTP25" = 1 ]; then echo "25|220 |"; fi
    if [ "$SMTP_PORT" != 25 ] || [ "$SMTP25" != 1 ]; then echo "$SMTP_PORT|220 |"; fi
    echo "$IMAP_PORT|* OK|"
    echo "$POP3_PORT|+OK|"
    if [ "$TLS" = 1 ]; then
        echo "$SMTPS_PORT|220 |tls"
        echo "$IMAPS_PORT|* OK|tls"
        echo "$POP3S_PORT|+OK|tls"
    fi
}

wait_for_ports() {
    local deadline=$((SECONDS + TIMEOUT)) port prefix mode line
    while IFS='|' read -r port prefix mode; do
        while :; do
            line=$(greeting "$port" "$mode" || true)
            [[ "$line" == "$prefix"* ]] && break
            if (( SECONDS >= deadline )); then
                show_logs
                die "port $port did not greet with '$prefix' within ${TIMEOUT}s (got: '${line}')"
            fi
            sleep 0.2
        done
        log "127.0.0.1:$port ${mode:+($mode) }$line"
    done < <(endpoints)
}

# ---------------------------------------------------------------------------------------------
# Subcommands
# ---------------------------------------------------------------------------------------------
cmd_start() {
    [ "$(id -u)" = 0 ] || die "must run as root"
    install_packages
    ensure_vmail
    [ "$TLS" = 1 ] && ensure_tls_cert
    write_postfix_config
    write_dovecot_config
    touch "$DOVECOT_LOG"

    doveconf -c "$DOVECOT_CONF" -n >/dev/null || die "invalid $DOVECOT_CONF"
    postfix check || die "postfix check failed"

    local pid
    if pid=$(dovecot_pid); then
        log "dovecot running (pid $pid): reloading"
        kill -HUP "$pid"
    else
        log "starting dovecot"
        rm -f "$DOVECOT_BASE/master.pid"
        detached "$DOVECOT_LOG" /usr/sbin/dovecot -c "$DOVECOT_CONF" ||
            { show_logs; die "dovecot failed to start"; }
    fi
    if pid=$(postfix_pid); then
        log "postfix running (pid $pid): reloading"
        postfix reload 2>>"$POSTFIX_LOG" || { show_logs; die "postfix reload failed"; }
    else
        log "starting postfix"
        detached "$POSTFIX_LOG" postfix start || { show_logs; die "postfix failed to start"; }
    fi
    wait_for_ports
    log "ready"
}

stop_dovecot() {
    local pid i
    if ! pid=$(dovecot_pid); then log "dovecot not running"; return 0; fi
    log "stopping dovecot (pid $pid)"
    kill -TERM "$pid"
    for ((i = 0; i < 100; i++)); do
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 0.1
    done
    die "dovecot (pid $pid) did not stop within 10s"
}

stop_postfix() {
    local pid
    if ! pid=$(postfix_pid); then log "postfix not running"; return 0; fi
    log "stopping postfix (pid $pid)"
    postfix stop 2>>"$POSTFIX_LOG" || die "postfix stop failed"
}

cmd_stop() {
    # Postfix first: it delivers into Dovecot's LMTP socket.
    stop_postfix
    stop_dovecot
}

cmd_reset() {
    # Postfix queue. While Postfix runs, postsuper does it; while it is stopped, postsuper cannot
    # write its log (maillog_file without postlogd), so the queue files are removed directly.
    if postfix_pid >/dev/null; then
        postsuper -d ALL 2>&1 | grep -v '^$' || true
    elif [ -d /var/spool/postfix ]; then
        local q
        for q in maildrop incoming active deferred hold corrupt bounce defer trace saved; do
            [ -d "/var/spool/postfix/$q" ] && find "/var/spool/postfix/$q" -type f -delete
        done
        log "postfix queue emptied (postfix stopped)"
    fi
    # Mailboxes: Dovecot recreates <domain>/<local>/Maildir on the next delivery or login.
    if [ -d "$VMAIL" ]; then
        find "$VMAIL" -mindepth 1 -maxdepth 1 -exec rm -rf {} +
    fi
    log "mailboxes emptied ($VMAIL)"
}

cmd_status() {
    local pid rc=0 port prefix mode line
    if pid=$(postfix_pid); then log "postfix running (pid $pid)"; else log "postfix not running"; rc=3; fi
    if pid=$(dovecot_pid); then log "dovecot running (pid $pid)"; else log "dovecot not running"; rc=3; fi
    while IFS='|' read -r port prefix mode; do
        line=$(greeting "$port" "$mode" || true)
        log "127.0.0.1:$port ${mode:+($mode) }${line:-(no answer)}"
        [ -n "$line" ] || rc=3
    done < <(endpoints)
    if command -v postqueue >/dev/null && [ -n "$(postfix_pid)" ]; then
        log "queue: $(postqueue -p 2>/dev/null | tail -n 1)"
    fi
    return $rc
}

# Only SMTP down and up again, for the outage tests: Dovecot keeps serving the mailboxes meanwhile.
cmd_smtp_down() { stop_postfix; }

cmd_smtp_up() {
    if ! postfix_pid >/dev/null; then
        log "starting postfix"
        detached "$POSTFIX_LOG" postfix start || { show_logs; die "postfix failed to start"; }
    fi
    wait_for_ports
}

case "${1:-}" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    smtp-down) cmd_smtp_down ;;
    smtp-up) cmd_smtp_up ;;
    reset) cmd_reset ;;
    status) cmd_status ;;
    *) echo "usage: $0 start|stop|reset|status|smtp-down|smtp-up   (env: see the header of this script)" >&2; exit 2 ;;
esac

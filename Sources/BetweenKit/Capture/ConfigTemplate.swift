import BetweenCore
import Foundation

/// The `between.yml` that `between init` writes: every setting of `VaultConfig`, each
/// commented out with its default and a line saying what it does.
enum ConfigTemplate {
    /// The text, with `zone` as the example time zone (the system's).
    static func text(zone: String = TimeZone.current.identifier) -> String {
        """
        # Between's settings for this vault. This file also marks the vault's top folder.
        # Every setting is optional: the values shown are the defaults. To change one,
        # remove the `#` at the start of its line (and of the lines that belong to it).

        # Your time zone (an IANA name). It decides what "today" is; times you write in
        # notes are your local wall-clock time and are never shifted.
        # Default: this computer's zone.
        # timezone: \(zone)

        # The day weeks start on in trends and digests: monday or sunday.
        # week-start: monday

        # When the session-prep digest raises something to talk about with your therapist.
        # thresholds:
        #   distress: 70     # distress or SUDS (0–100) at or over this
        #   fit: 3           # fit (0–10) at or under this: "this homework doesn't suit me"
        #   helpful: 3       # practice rated this helpful (0–10) or less: not helping
        #   functioning: 3   # daily life (0–10) at or under this: homework may be too much
        #   distress-rise: 10     # distress (0–100) rising by this much across the period
        #   mood-fall: 2          # mood (0–10) falling by this much across the period
        #   functioning-fall: 2   # functioning (0–10) falling by this much across the period
        # A rise or fall compares the middle value of the earlier half of the days with
        # ratings with the middle value of the later half, and needs \(TrendRule.minimumDays) days with
        # ratings, so one odd day never makes a trend.

        # Diary-card urges that mean suicide or self-harm. A rating above 0, or acting on
        # one (list it in the card's `acted-on`), comes first in the digest, with your
        # crisis line. Names match ignoring case, with spaces or underscores read as
        # hyphens and a leading "urge to" ignored. These always count:
        # \(VaultConfig.defaultRiskUrges.joined(separator: ", ")).
        # Add the names your own diary card uses:
        # risk-urges: [overdose]

        # A line shown by `between cope` and beside anything risky in a digest, such as
        # your local crisis line or your care team's number.
        # crisis-line: "Samaritans (UK & Ireland): 116 123, free, day or night"

        # Paths (from this folder) that are not notes; `*` and `**` match across folders.
        # exclude: [drafts, "**/*.tmp.md"]

        # Set to true to make entries without a `private:` line private, so they are left
        # out of digests and exports unless you ask for them.
        # private-by-default: false

        # Encryption of private notes in git is set up by `between encrypt setup`, which
        # adds an `encryption` setting at the end of this file (see docs/encryption.md).

        """
    }
}

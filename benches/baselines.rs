//! The baselines of `lookup.rs`: the same table written the ways users would otherwise write
//! it, from one list of its rows.

/// Writes the baselines from one list of the table: the hand-written `match`es (`mod hand`),
/// the perfect-hash maps (`mod phf_maps`) and the enum with strum's derives
/// (`mod strum_enum`). Each row of `causes` is the discriminant, the variant, the constant, the
/// value and the aliases (each parse reads the value, the aliases and the constant, as
/// `FromStr` does); `codes` the status codes a cause lists; `phrases` the reason phrases.
/// `check_same_answers` proves the list equals the generated table before anything is timed.
macro_rules! baselines {
    (
        causes { $($index:tt $variant:ident $constant:tt $value:tt [$($alias:tt),*],)* }
        codes { $($coded:ident [$($code:tt),*],)* }
        phrases { $($phrase_code:tt $phrase:tt,)* }
    ) => {
        /// The same table as plain `match`es, as a careful programmer would write it by hand.
        pub mod hand {
            use cause_core::Cause;

            pub fn for_failure_response(code: u16) -> Option<Cause> {
                match code {
                    $($($code)|* => Some(Cause::$coded),)*
                    300..=699 => Some(Cause::SipFailureCode),
                    _ => None,
                }
            }

            pub fn from_str(s: &str) -> Option<Cause> {
                match s {
                    $($value => Some(Cause::$variant), $($alias => Some(Cause::$variant),)* $constant => Some(Cause::$variant),)*
                    _ => None,
                }
            }

            pub fn as_str(cause: Cause) -> &'static str {
                match cause {
                    $(Cause::$variant => $value,)*
                    _ => unreachable!("a cause added to the table after this bench was written"),
                }
            }

            pub fn reason_phrase(code: u16) -> Option<&'static str> {
                match code {
                    $($phrase_code => Some($phrase),)*
                    _ => None,
                }
            }
        }

        /// Perfect-hash maps, built at compile time.
        pub mod phf_maps {
            use cause_core::Cause;
            use phf::phf_map;

            pub static BY_CODE: phf::Map<u16, Cause> = phf_map! {
                $($($code => Cause::$coded,)*)*
            };

            pub static BY_VALUE: phf::Map<&'static str, Cause> = phf_map! {
                $($value => Cause::$variant, $($alias => Cause::$variant,)* $constant => Cause::$variant,)*
            };

            pub static VALUES: phf::Map<u8, &'static str> = phf_map! {
                $($index => $value,)*
            };

            pub static PHRASES: phf::Map<u16, &'static str> = phf_map! {
                $($phrase_code => $phrase,)*
            };

            pub fn for_failure_response(code: u16) -> Option<Cause> {
                match BY_CODE.get(&code) {
                    Some(&cause) => Some(cause),
                    None => (300..=699).contains(&code).then_some(Cause::SipFailureCode),
                }
            }
        }

        /// The same enum with strum's derives, for parsing and `&'static str`.
        pub mod strum_enum {
            use strum::{EnumIter, EnumString, IntoStaticStr};

            #[derive(Debug, Clone, Copy, PartialEq, Eq, EnumString, IntoStaticStr, EnumIter)]
            pub enum StrumCause {
                $(#[strum(to_string = $value $(, serialize = $alias)*, serialize = $constant)] $variant,)*
            }
        }
    };
}

baselines! {
    causes {
        0u8 InvalidTarget "INVALID_TARGET" "Invalid target" [],
        1u8 ConnectionError "CONNECTION_ERROR" "Connection Error" [],
        2u8 RequestTimeout "REQUEST_TIMEOUT" "Request Timeout" [],
        3u8 SipFailureCode "SIP_FAILURE_CODE" "SIP Failure Code" [],
        4u8 InternalError "INTERNAL_ERROR" "Internal Error" [],
        5u8 Busy "BUSY" "Busy" [],
        6u8 Rejected "REJECTED" "Rejected" [],
        7u8 Redirected "REDIRECTED" "Redirected" [],
        8u8 Unavailable "UNAVAILABLE" "Unavailable" [],
        9u8 NotFound "NOT_FOUND" "Not Found" [],
        10u8 AddressIncomplete "ADDRESS_INCOMPLETE" "Address Incomplete" [],
        11u8 IncompatibleSdp "INCOMPATIBLE_SDP" "Incompatible SDP" [],
        12u8 AuthenticationError "AUTHENTICATION_ERROR" "Authentication Error" [],
        13u8 Bye "BYE" "Terminated" [],
        14u8 Canceled "CANCELED" "Canceled" [],
        15u8 NoAnswer "NO_ANSWER" "No Answer" [],
        16u8 Expires "EXPIRES" "Expires" [],
        17u8 NoAck "NO_ACK" "No ACK" [],
        18u8 NoPrack "NO_PRACK" "No PRACK" [],
        19u8 UserDeniedMediaAccess "USER_DENIED_MEDIA_ACCESS" "User Denied Media Access" [],
        20u8 WebrtcNotSupported "WEBRTC_NOT_SUPPORTED" "WebRTC not supported" ["WebRTC Not Supported"],
        21u8 WebrtcError "WEBRTC_ERROR" "WebRTC Error" [],
        22u8 RtpTimeout "RTP_TIMEOUT" "RTP Timeout" [],
        23u8 BadMediaDescription "BAD_MEDIA_DESCRIPTION" "Bad Media Description" [],
        24u8 DialogError "DIALOG_ERROR" "Dialog Error" [],
    }
    codes {
        Busy [486u16, 600u16],
        Rejected [403u16, 603u16],
        Redirected [300u16, 301u16, 302u16, 305u16, 380u16],
        Unavailable [408u16, 410u16, 430u16, 480u16],
        NotFound [404u16, 604u16],
        AddressIncomplete [484u16],
        IncompatibleSdp [488u16, 606u16],
        AuthenticationError [401u16, 407u16],
    }
    phrases {
        100u16 "Trying",
        180u16 "Ringing",
        181u16 "Call Is Being Forwarded",
        182u16 "Queued",
        183u16 "Session Progress",
        199u16 "Early Dialog Terminated",
        200u16 "OK",
        202u16 "Accepted (Deprecated)",
        204u16 "No Notification",
        300u16 "Multiple Choices",
        301u16 "Moved Permanently",
        302u16 "Moved Temporarily",
        305u16 "Use Proxy",
        380u16 "Alternative Service",
        400u16 "Bad Request",
        401u16 "Unauthorized",
        402u16 "Payment Required",
        403u16 "Forbidden",
        404u16 "Not Found",
        405u16 "Method Not Allowed",
        406u16 "Not Acceptable",
        407u16 "Proxy Authentication Required",
        408u16 "Request Timeout",
        410u16 "Gone",
        412u16 "Conditional Request Failed",
        413u16 "Request Entity Too Large",
        414u16 "Request-URI Too Long",
        415u16 "Unsupported Media Type",
        416u16 "Unsupported URI Scheme",
        417u16 "Unknown Resource-Priority",
        420u16 "Bad Extension",
        421u16 "Extension Required",
        422u16 "Session Interval Too Small",
        423u16 "Interval Too Brief",
        424u16 "Bad Location Information",
        425u16 "Bad Alert Message",
        428u16 "Use Identity Header",
        429u16 "Provide Referrer Identity",
        430u16 "Flow Failed",
        433u16 "Anonymity Disallowed",
        436u16 "Bad Identity-Info",
        437u16 "Unsupported Certificate",
        438u16 "Invalid Identity Header",
        439u16 "First Hop Lacks Outbound Support",
        440u16 "Max-Breadth Exceeded",
        469u16 "Bad Info Package",
        470u16 "Consent Needed",
        480u16 "Temporarily Unavailable",
        481u16 "Call/Transaction Does Not Exist",
        482u16 "Loop Detected",
        483u16 "Too Many Hops",
        484u16 "Address Incomplete",
        485u16 "Ambiguous",
        486u16 "Busy Here",
        487u16 "Request Terminated",
        488u16 "Not Acceptable Here",
        489u16 "Bad Event",
        491u16 "Request Pending",
        493u16 "Undecipherable",
        494u16 "Security Agreement Required",
        500u16 "Server Internal Error",
        501u16 "Not Implemented",
        502u16 "Bad Gateway",
        503u16 "Service Unavailable",
        504u16 "Server Time-out",
        505u16 "Version Not Supported",
        513u16 "Message Too Large",
        555u16 "Push Notification Service Not Supported",
        580u16 "Precondition Failure",
        600u16 "Busy Everywhere",
        603u16 "Decline",
        604u16 "Does Not Exist Anywhere",
        606u16 "Not Acceptable",
        607u16 "Unwanted",
        608u16 "Rejected",
    }
}

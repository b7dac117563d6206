//! `sip-cause` and the Reason registry: `reason` names the cause of every registered protocol
//! from its table and says an unregistered one is; `table --reason-protocols` lists the
//! registry and `table --PROTOCOL` each protocol's table, as markdown and as JSON.

mod tool;

use cause_core::{ReasonCause, ReasonProtocol};
use tool::stdout;

#[test]
fn reason_names_the_cause_of_a_3gpp_protocol_and_what_it_means() {
    assert_eq!(
        stdout(&["reason", "5GMM;cause=7"]),
        "reason: 5GMM;cause=7\n\
         5gmm: 7 FIVE_GS_SERVICES_NOT_ALLOWED \"5GS services not allowed\"\n\
         The subscription does not allow 5G system services, so the UE cannot register on 5GS.\n"
    );
    assert_eq!(
        stdout(&[
            "reason",
            r#"RELEASE_CAUSE;cause=2;text="RTP/RTCP time-out""#
        ]),
        "reason: RELEASE_CAUSE;cause=2;text=\"RTP/RTCP time-out\"\n\
         release_cause: 2 RTP_RTCP_TIMEOUT \"RTP/RTCP time-out\"\n\
         No RTP or RTCP packets arrived for longer than the inactivity timer allows, so the UE ended the call as dead.\n"
    );
    // The issue's examples, in one header field, in any case, pasted without the subcommand.
    assert_eq!(
        stdout(&["Reason: emm;cause=9, 5GSM;cause=27, NGAP-RNL;cause=20"]),
        "reason: emm;cause=9\n\
         emm: 9 UE_IDENTITY_CANNOT_BE_DERIVED_BY_THE_NETWORK \"UE identity cannot be derived by the network\"\n\
         The MME cannot map the temporary identity the UE presented (GUTI, S-TMSI or P-TMSI) to a context, or could not check its integrity. The UE must register again with its permanent identity.\n\
         reason: 5GSM;cause=27\n\
         5gsm: 27 MISSING_OR_UNKNOWN_DNN \"Missing or unknown DNN\"\n\
         The data network name the UE asked for was absent where required, or is not known.\n\
         reason: NGAP-RNL;cause=20\n\
         ngap-rnl: 20 USER_INACTIVITY \"user-inactivity\"\n\
         The NG-RAN node released the UE's connection because no data flowed for a while; the UE stays registered.\n"
    );
}

#[test]
fn reason_says_what_it_cannot_name() {
    assert_eq!(
        stdout(&["reason", "X-ACME;cause=5"]),
        "reason: X-ACME;cause=5\n\
         cause: none (protocol \"X-ACME\" is unregistered: no value of IANA's Reason Protocols registry)\n"
    );
    // `Q850` is no `Q.850`: a token is compared in any case, and nothing else is forgiven.
    assert_eq!(
        stdout(&["reason", "Q850;cause=16"]),
        "reason: Q850;cause=16\n\
         cause: none (protocol \"Q850\" is unregistered: no value of IANA's Reason Protocols registry)\n"
    );
    assert_eq!(
        stdout(&["reason", "EMM;cause=250, S1AP-NAS"]),
        "reason: EMM;cause=250\nemm: none (250 is no EMM cause value)\n\
         reason: S1AP-NAS\ns1ap-nas: none (no cause code)\n"
    );
}

#[test]
fn reason_names_every_cause_of_every_registered_protocol() {
    for &protocol in ReasonProtocol::ALL {
        let label = protocol.as_str().to_ascii_lowercase();
        for cause in protocol.causes() {
            let value = format!("{};cause={}", protocol.as_str(), cause.code());
            let out = stdout(&["reason", &value]);
            let mut lines = out.lines().skip(1);
            match cause {
                // SIP.js's reading, as before.
                ReasonCause::Sip(_) => {
                    assert!(
                        lines.next().is_some_and(|l| l.starts_with("cause: ")),
                        "{out}"
                    )
                }
                ReasonCause::Q850(q850) => {
                    let head = format!("q850: {} {} ", q850.code(), q850.name());
                    assert!(lines.next().is_some_and(|l| l.starts_with(&head)), "{out}");
                }
                _ => {
                    let name = cause.name().expect("a table's row");
                    let value = cause.as_str().expect("a table's row");
                    let head = format!("{label}: {} {name} {value:?}", cause.code());
                    assert_eq!(lines.next(), Some(head.as_str()), "{out}");
                    assert!(lines.next().is_some_and(|l| !l.is_empty()), "{out}");
                }
            }
        }
    }
}

/// RFC 9366: several values of one protocol in one header field, each read in order.
#[test]
fn several_stir_values_are_read_in_order() {
    assert_eq!(
        stdout(&[
            "reason",
            r#"STIR;cause=436;text="Bad Identity Info", STIR;cause=438;text="Invalid Identity Header""#
        ]),
        "reason: STIR;cause=436;text=\"Bad Identity Info\"\n\
         stir: 436 BAD_IDENTITY_INFO \"Bad Identity Info\"\n\
         The URI that should lead to the signer's certificate could not be dereferenced, so the credential could not be fetched.\n\
         reason: STIR;cause=438;text=\"Invalid Identity Header\"\n\
         stir: 438 INVALID_IDENTITY_HEADER \"Invalid Identity Header\"\n\
         The signature in the Identity header field does not match the request, or the PASSporT is otherwise invalid.\n"
    );
}

#[test]
fn a_q850_location_is_named() {
    assert_eq!(
        stdout(&["reason", "Q.850;cause=34;location=LN"]),
        "reason: Q.850;cause=34;location=LN\n\
         location: LN, public network serving the local user (RFC 8606)\n\
         q850: 34 NORMAL_CIRCUIT_CONGESTION \"No circuit/channel available\" (Resource unavailable)\n\
         cause: SIP_FAILURE_CODE \"SIP Failure Code\" (Common causes)\n"
    );
    assert_eq!(
        stdout(&["reason", "Q.850;cause=16;location=MARS"]),
        "reason: Q.850;cause=16;location=MARS\n\
         location: none (\"MARS\" is no RFC 8606 location)\n\
         q850: 16 NORMAL_CLEARING \"Normal call clearing\" (Normal event)\n\
         cause: BYE \"Terminated\" (Session causes)\n"
    );
}

#[test]
fn table_reason_protocols_lists_the_registry() {
    let out = stdout(&["table", "--reason-protocols"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2 + ReasonProtocol::ALL.len(), "{out}");
    assert_eq!(
        lines[0],
        "| Protocol | Constant | Its causes | Causes | Table |"
    );
    assert_eq!(
        lines[2 + 12],
        "| `RELEASE_CAUSE` | `RELEASE_CAUSE` | Why an IMS session was released (3GPP TS 24.229 subclause 7.2A.18), 1 to 7: the user hung up, the media timed out or lost its bearer, a SIP transaction timed out, call setup took too long, a redirection failed. Its causes: `ReleaseCause` (feature `ims`). | 7 | `sip-cause table --release-cause` |"
    );
    assert_eq!(
        lines.last().copied(),
        Some(
            "| any other | `UNREGISTERED` | No value of the registry: a protocol token none of the rows above holds, in any case (`X-VENDOR`, or `Q850` for `Q.850`). RFC 3326 lets a receiver ignore a `Reason` value it does not understand; its cause number is kept as it came. | \u{2014} | \u{2014} |"
        )
    );
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&["table", "--reason-protocols", "--json"])).expect("JSON");
    let rows = json["cause"].as_array().expect("a list of protocols");
    let tokens: Vec<&str> = rows.iter().filter_map(|r| r["value"].as_str()).collect();
    let ours: Vec<&str> = ReasonProtocol::ALL.iter().map(|p| p.as_str()).collect();
    assert_eq!(tokens, ours);
    assert_eq!(rows[15]["constant"], "FIVE_GMM");
}

#[test]
fn table_of_a_protocol_lists_its_causes() {
    assert_eq!(
        stdout(&["table", "--failure-cause"]),
        "The access-network failure behind a failed or ended IMS session (3GPP TS 24.229 subclause 7.2A.18; IANA's reference is V14.4.0), 1 to 3: the media bearer or its QoS lost, the signalling bearer released, resources not allocated. Its causes: `FailureCause` (feature `ims`).\n\
         \n\
         | Code | Constant | Name | Also read | Description |\n\
         |------|----------|------|-----------|-------------|\n\
         | 1 | `MEDIA_BEARER_OR_QOS_LOST` | Media bearer or QoS lost | \u{2014} | The bearer carrying the session's media, or the QoS it needs, was lost in the access network. |\n\
         | 2 | `RELEASE_OF_SIGNALLING_BEARER` | Release of signalling bearer | \u{2014} | The bearer carrying the UE's SIP signalling was released, so the UE can no longer be reached for this session. |\n\
         | 3 | `INDICATION_OF_FAILED_RESOURCES_ALLOCATION` | Indication of failed resources allocation | \u{2014} | The access network could not allocate the resources (bearer or QoS) the session needs, so it could not be set up or continued. |\n"
    );
    assert_eq!(
        stdout(&["table", "--preemption", "--json"]),
        concat!(
            "{\n  \"cause\": [\n",
            "    {\n      \"constant\": \"UA_PREEMPTION\",\n      \"value\": \"UA Preemption\",\n      \"code\": 1,\n",
            "      \"description\": \"A user agent ended this session itself so that a higher-priority session could use its resources, for example a phone line taken over by a more urgent call.\",\n",
            "      \"aliases\": []\n    },\n",
            "    {\n      \"constant\": \"RESERVED_RESOURCES_PREEMPTED\",\n      \"value\": \"Reserved Resources Preempted\",\n      \"code\": 2,\n",
            "      \"description\": \"Network resources reserved for the session (for example an RSVP reservation) were taken for a higher-priority session.\",\n",
            "      \"aliases\": []\n    },\n",
            "    {\n      \"constant\": \"GENERIC_PREEMPTION\",\n      \"value\": \"Generic Preemption\",\n      \"code\": 3,\n",
            "      \"description\": \"The session was preempted somewhere in the network by a mechanism that the cause does not specify.\",\n",
            "      \"aliases\": []\n    },\n",
            "    {\n      \"constant\": \"NON_IP_PREEMPTION\",\n      \"value\": \"Non-IP Preemption\",\n      \"code\": 4,\n",
            "      \"description\": \"The session was preempted in a non-IP part of the path, such as a circuit-switched network behind a gateway.\",\n",
            "      \"aliases\": []\n    }\n  ]\n}\n",
        )
    );
    // Every protocol's table, by its option: one row a cause, Wireshark's spellings as aliases.
    for &protocol in ReasonProtocol::ALL {
        if matches!(
            protocol,
            ReasonProtocol::Sip | ReasonProtocol::Q850 | ReasonProtocol::Unregistered
        ) {
            continue;
        }
        let flag = format!(
            "--{}",
            protocol.as_str().to_ascii_lowercase().replace('_', "-")
        );
        let out = stdout(&["table", &flag]);
        let rows = out
            .lines()
            .filter(|l| l.starts_with("| ") && !l.starts_with("| Code"))
            .count();
        assert_eq!(rows, protocol.causes().count(), "{flag}");
        let json: serde_json::Value =
            serde_json::from_str(&stdout(&["table", &flag, "--json"])).expect("JSON");
        let causes = json["cause"].as_array().expect("a list of causes");
        for (json, cause) in causes.iter().zip(protocol.causes()) {
            assert_eq!(json["code"], cause.code(), "{flag}");
            assert_eq!(json["constant"], cause.name().unwrap_or_default(), "{flag}");
            assert_eq!(json["value"], cause.as_str().unwrap_or_default(), "{flag}");
            assert_eq!(
                json["aliases"],
                serde_json::json!(cause.aliases()),
                "{flag}"
            );
        }
    }
    let out = stdout(&["table", "--5gmm"]);
    assert!(
        out.contains("| 10 | `IMPLICITLY_DE_REGISTERED` | Implicitly de-registered | `Implicitly deregistered` |"),
        "{out}"
    );
}

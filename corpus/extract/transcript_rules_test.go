package extract

import (
	"strings"
	"testing"

	"github.com/backchannel-news/backchannel/model"
)

// TestTranscriptSpeakerRules checks, one layout at a time, who a
// transcript's turn is given to: the rules round 15 of the held-out
// fixtures added (leaked calls, hearings, depositions, chat exports), each
// with the case that must not fire.
func TestTranscriptSpeakerRules(t *testing.T) {
	cases := []speakerCase{
		{
			name:  "a chat export stamped with date and time in one bracket",
			text:  "Export of group \"Dock\"\n\n[2026-02-10 21:47] Ines Baro: Did the van come?\n[2026-02-10 21:48] Olek Tamm: It came at four.\n[2026-02-10 21:50] Ines Baro: Good.\n",
			quote: "It came at four.", want: "Olek Tamm",
		},
		{
			name:  "a chat export stamped day first with a comma",
			text:  "Export\n\n[10/02/2026, 21:47] Ines Baro: Did the van come?\n[10/02/2026, 21:48] Olek Tamm: It came at four.\n[10/02/2026, 21:50] Ines Baro: Good.\n",
			quote: "Did the van come?", want: "Ines Baro",
		},
		{
			name:  "an abbreviated title before a label's surname",
			text:  "Call between Ambassador Lena Orsk and the minister\n\nAMB. ORSK: Did it leave?\nMINISTER: It left.\nAMB. ORSK: All of it?\nMINISTER: Half.\n",
			quote: "All of it?", want: "Lena Orsk",
		},
		{
			name:  "a Q who names himself after the turns began is no header",
			text:  "BRIEFING ON THE DAM\n\nMINISTER OKORO: Good morning.\n\nQ: Is the dam safe?\n\nMINISTER OKORO: Yes.\n\nQ: Ansel Frey, Delta Radio. When will it reopen?\n\nMINISTER OKORO: In May.\n",
			quote: "Is the dam safe?", want: "Questioner",
		},
		{
			name:  "a header's Q names every Q",
			text:  "Interview\n\nQ: Ansel Frey, Delta Radio\n\nQ: Is the dam safe?\n\nOKORO: Yes.\n\nQ: When will it reopen?\n\nOKORO: In May.\n",
			quote: "When will it reopen?", want: "Ansel Frey",
		},
		{
			name:  "a Q telling the speaker to ask someone else does not name himself",
			text:  "BRIEFING\n\nMINISTER OKORO: Good morning.\n\nQ: Ask Delta Radio, not me?\n\nMINISTER OKORO: In May.\n",
			quote: "Ask Delta Radio", want: "Questioner",
		},
		{
			name:  "a Q beside another outlet is another asker",
			text:  "BRIEFING\n\nMINISTER OKORO: Good morning.\n\nQ: Ansel Frey, Delta Radio. When will it reopen?\n\nMINISTER OKORO: In May.\n\nQ (Harbour Times): And the cost?\n\nMINISTER OKORO: Nine million.\n",
			quote: "And the cost?", want: "Questioner",
		},
		{
			name:  "a Q beside the asker's own outlet is the asker again",
			text:  "BRIEFING\n\nMINISTER OKORO: Good morning.\n\nQ: Ansel Frey, Delta Radio. When will it reopen?\n\nMINISTER OKORO: In May.\n\nQ (Delta Radio): And the cost?\n\nMINISTER OKORO: Nine million.\n",
			quote: "And the cost?", want: "Ansel Frey",
		},
		{
			name:  "the moderator hands the floor to a new asker",
			text:  "BRIEFING\n\nMINISTER OKORO: Good morning.\n\nQ: Ansel Frey, Delta Radio. When will it reopen?\n\nMINISTER OKORO: In May.\n\nMODERATOR: We have time for one more.\n\nQ: And the cost?\n\nMINISTER OKORO: Nine million.\n",
			quote: "And the cost?", want: "Questioner",
		},
		{
			name:  "a surname label takes the full name a heading in capitals gives",
			text:  "PRESS CONFERENCE WITH HEALTH MINISTER ODILE MARCHETTI\n\nMINISTER MARCHETTI: Good morning.\n\nQ: Is the hospital closing?\n\nMINISTER MARCHETTI: No.\n",
			quote: "No.", want: "Odile Marchetti",
		},
		{
			name:  "a title in capitals before the surname is no given name",
			text:  "PRESS CONFERENCE WITH THE MINISTER MARCHETTI\n\nMINISTER MARCHETTI: Good morning.\n\nQ: Is the hospital closing?\n\nMINISTER MARCHETTI: No.\n",
			quote: "No.", want: "Marchetti",
		},
		{
			name:  "a deposition's Q. is the lawyer the BY heading names",
			text:  "DEPOSITION OF NORA KELLS\n\nAPPEARANCES:\nFor the Plaintiff: Mr. Ivo Hale\nFor the Defendant: Ms. Rhea Dunn\n\nEXAMINATION\nBY MR. HALE:\n\nQ. State your name.\n\nA. Nora Kells.\n\nQ. Did you sign it?\n\nMS. DUNN: Objection.\n\nA. I did.\n\nTHE WITNESS: May I stop?\n\nMR. HALE: Yes.\n\nCROSS-EXAMINATION\nBY MS. DUNN:\n\nQ. Who asked you to?\n\nA. Nobody.\n",
			quote: "Did you sign it?", want: "Ivo Hale",
		},
		{
			name:  "a deposition's A. is the deponent the heading names",
			text:  "DEPOSITION OF NORA KELLS\n\nAPPEARANCES:\nFor the Plaintiff: Mr. Ivo Hale\nFor the Defendant: Ms. Rhea Dunn\n\nEXAMINATION\nBY MR. HALE:\n\nQ. State your name.\n\nA. Nora Kells.\n\nQ. Did you sign it?\n\nMS. DUNN: Objection.\n\nA. I did.\n\nTHE WITNESS: May I stop?\n\nMR. HALE: Yes.\n\nCROSS-EXAMINATION\nBY MS. DUNN:\n\nQ. Who asked you to?\n\nA. Nobody.\n",
			quote: "I did.", want: "Nora Kells",
		},
		{
			name:  "THE WITNESS is the deponent",
			text:  "DEPOSITION OF NORA KELLS\n\nAPPEARANCES:\nFor the Plaintiff: Mr. Ivo Hale\nFor the Defendant: Ms. Rhea Dunn\n\nEXAMINATION\nBY MR. HALE:\n\nQ. State your name.\n\nA. Nora Kells.\n\nQ. Did you sign it?\n\nMS. DUNN: Objection.\n\nA. I did.\n\nTHE WITNESS: May I stop?\n\nMR. HALE: Yes.\n\nCROSS-EXAMINATION\nBY MS. DUNN:\n\nQ. Who asked you to?\n\nA. Nobody.\n",
			quote: "May I stop?", want: "Nora Kells",
		},
		{
			name:  "a second BY heading hands the questions to the other lawyer",
			text:  "DEPOSITION OF NORA KELLS\n\nAPPEARANCES:\nFor the Plaintiff: Mr. Ivo Hale\nFor the Defendant: Ms. Rhea Dunn\n\nEXAMINATION\nBY MR. HALE:\n\nQ. State your name.\n\nA. Nora Kells.\n\nQ. Did you sign it?\n\nMS. DUNN: Objection.\n\nA. I did.\n\nTHE WITNESS: May I stop?\n\nMR. HALE: Yes.\n\nCROSS-EXAMINATION\nBY MS. DUNN:\n\nQ. Who asked you to?\n\nA. Nobody.\n",
			quote: "Who asked you to?", want: "Rhea Dunn",
		},
		{
			name:  "an examination heading in capitals is no one's words",
			text:  "DEPOSITION OF NORA KELLS\n\nAPPEARANCES:\nFor the Plaintiff: Mr. Ivo Hale\nFor the Defendant: Ms. Rhea Dunn\n\nEXAMINATION\nBY MR. HALE:\n\nQ. State your name.\n\nA. Nora Kells.\n\nQ. Did you sign it?\n\nMS. DUNN: Objection.\n\nA. I did.\n\nTHE WITNESS: May I stop?\n\nMR. HALE: Yes.\n\nCROSS-EXAMINATION\nBY MS. DUNN:\n\nQ. Who asked you to?\n\nA. Nobody.\n",
			quote: "Yes.", want: "Ivo Hale", whole: true,
		},
		{
			name:  "APPEARANCES is no speaker",
			text:  "DEPOSITION OF NORA KELLS\n\nAPPEARANCES:\nFor the Plaintiff: Mr. Ivo Hale\nFor the Defendant: Ms. Rhea Dunn\n\nEXAMINATION\nBY MR. HALE:\n\nQ. State your name.\n\nA. Nora Kells.\n\nQ. Did you sign it?\n\nMS. DUNN: Objection.\n\nA. I did.\n\nTHE WITNESS: May I stop?\n\nMR. HALE: Yes.\n\nCROSS-EXAMINATION\nBY MS. DUNN:\n\nQ. Who asked you to?\n\nA. Nobody.\n",
			quote: "For the Plaintiff", dropped: true,
		},
		{
			name:  "a lone line opening with an initial is no answer",
			text:  "Minutes\n\nCHAIR: We start.\nA. Marsh asked for the accounts.\nCHAIR: Noted.\nQ. and A. session at six.\n",
			quote: "Marsh asked", dropped: true,
		},
		{
			name:  "an ACTION line in minutes is no speaker",
			text:  "Minutes\n\nCHAIR: The pump is late.\nTREASURER: I will write.\nACTION: Treasurer to write to the agency.\nCHAIR: Thank you.\n",
			quote: "Treasurer to write", dropped: true,
		},
		{
			name:  "THE CHAIR is the member the list of those present says chairs",
			text:  "HEARING\n\nMembers present: Ms Ona Bright (Chair); Mr Lev Stone.\n\nTHE CHAIR: Welcome.\n\nMR. STONE: Thank you.\n\nTHE CHAIR: Begin.\n",
			quote: "Begin.", want: "Ona Bright",
		},
		{
			name:  "an office label takes its holder from a comma list",
			text:  "Minutes\n\nPresent: Cllr Ona Bright (Chair), Lev Stone (Treasurer), Ida Moss\n\nChair: We start.\nTreasurer: We have nine pounds.\nIda Moss: Only nine?\nTreasurer: Yes.\nChair: Thank you.\n",
			quote: "We have nine", want: "Lev Stone",
		},
		{
			name:  "an office two people hold stays an office",
			text:  "Minutes\n\nPresent: Ona Bright (Chair), Lev Stone (Chair), Ida Moss\n\nChair: We start.\nIda Moss: Only nine?\nChair: Yes.\n",
			quote: "We start.", want: "Chair",
		},
		{
			name:  "a Presenter: header line names the interviewer and is no turn",
			text:  "Morning show\n\nPresenter: Ama Tetteh. Guest: farmer Obi Lenz.\n\n[00:01:02] TETTEH: Good morning.\n[00:01:05] LENZ: Morning.\n[00:01:09] TETTEH: Is the harvest late?\n[00:01:12] LENZ: Two weeks.\n",
			quote: "Is the harvest late?", want: "Ama Tetteh",
		},
		{
			name:  "the header line itself",
			text:  "Morning show\n\nPresenter: Ama Tetteh. Guest: farmer Obi Lenz.\n\n[00:01:02] TETTEH: Good morning.\n[00:01:05] LENZ: Morning.\n[00:01:09] TETTEH: Is the harvest late?\n[00:01:12] LENZ: Two weeks.\n",
			quote: "Ama Tetteh", dropped: true,
		},
		{
			name:  "a NOTE line ends the turn before it",
			text:  "Minutes\n\nCHAIR: We start.\nTREASURER: We have nine pounds.\nNOTE: Figures are provisional.\nCHAIR: Thank you.\n",
			quote: "We have nine pounds.", want: "Treasurer", whole: true,
		},
		{
			name:  "a Subject: line is no one's words",
			text:  "Minutes\n\nCHAIR: We start.\nTREASURER: We have nine pounds.\nSubject: the accounts at Annex B.\nCHAIR: Thank you.\n",
			quote: "We have nine pounds.", want: "Treasurer", whole: true,
		},
		{
			name:  "a chat's deleted message is no one's words",
			text:  "Export\n\n[2026-02-10 21:47] Ines Baro: Did the van come?\n[2026-02-10 21:48] Olek Tamm: This message was deleted.\n[2026-02-10 21:49] Ines Baro changed their profile name to I.B.\n[2026-02-10 21:50] I.B.: Delete the chat.\n[2026-02-10 21:51] Olek Tamm: Done.\n",
			quote: "This message was deleted", dropped: true,
		},
		{
			name:  "a chat event ends the message before it",
			text:  "Export\n\n[2026-02-10 21:47] Ines Baro: Did the van come?\n[2026-02-10 21:48] Olek Tamm: This message was deleted.\n[2026-02-10 21:49] Ines Baro changed their profile name to I.B.\n[2026-02-10 21:50] I.B.: Delete the chat.\n[2026-02-10 21:51] Olek Tamm: Done.\n",
			quote: "Ines Baro changed", dropped: true,
		},
		{
			name:  "a renamed chat member's messages stay theirs",
			text:  "Export\n\n[2026-02-10 21:47] Ines Baro: Did the van come?\n[2026-02-10 21:48] Olek Tamm: This message was deleted.\n[2026-02-10 21:49] Ines Baro changed their profile name to I.B.\n[2026-02-10 21:50] I.B.: Delete the chat.\n[2026-02-10 21:51] Olek Tamm: Done.\n",
			quote: "Delete the chat.", want: "Ines Baro",
		},
		{
			name:  "an ACTION line before an office's name is no given name",
			text:  "Minutes\n\nPresent: Ona Bright, Lev Stone\n\nChair: We start.\nLev Stone: We have nine pounds.\nChair: Thank you.\nACTION: Chair to write.\n",
			quote: "We start.", want: "Chair",
		},
		{
			name:  "a phone's chat export stamps date and time with no bracket",
			text:  "WhatsApp Chat with Dock\n\n10/02/2026, 21:47 - Ines Baro: Did the van come?\n10/02/2026, 21:48 - Olek Tamm: It came at four.\n10/02/2026, 21:49 - Ines Baro changed their phone number\n10/02/2026, 21:50 - Ines Baro: Good.\n10/02/2026, 21:51 - Olek Tamm: <Media omitted>\n",
			quote: "It came at four.", want: "Olek Tamm",
		},
		{
			name:  "an unbracketed chat event ends the message before it",
			text:  "WhatsApp Chat with Dock\n\n10/02/2026, 21:47 - Ines Baro: Did the van come?\n10/02/2026, 21:48 - Olek Tamm: It came at four.\n10/02/2026, 21:49 - Ines Baro changed their phone number\n10/02/2026, 21:50 - Ines Baro: Good.\n10/02/2026, 21:51 - Olek Tamm: <Media omitted>\n",
			quote: "Ines Baro changed", dropped: true,
		},
		{
			name:  "a media placeholder is no one's words",
			text:  "WhatsApp Chat with Dock\n\n10/02/2026, 21:47 - Ines Baro: Did the van come?\n10/02/2026, 21:48 - Olek Tamm: It came at four.\n10/02/2026, 21:49 - Ines Baro changed their phone number\n10/02/2026, 21:50 - Ines Baro: Good.\n10/02/2026, 21:51 - Olek Tamm: <Media omitted>\n",
			quote: "<Media omitted>", dropped: true,
		},
		{
			name:  "a twelve-hour clock in a chat stamp",
			text:  "Chat\n\n2/10/26, 9:47 PM - Ines Baro: Did the van come?\n2/10/26, 9:48 PM - Olek Tamm: It came at four.\n2/10/26, 9:49 PM - Ines Baro: Good.\n",
			quote: "Did the van come?", want: "Ines Baro",
		},
		{
			name:  "a time with a colon opening a line is no label",
			text:  "Morning show\n\nPresenter: Ama Tetteh.\n\n10:30: Travel has moved to 10:45.\n\n[00:01:02] TETTEH: Good morning.\n[00:01:05] LENZ: Morning.\n[00:01:09] TETTEH: Is the harvest late?\n",
			quote: "Travel has moved", dropped: true,
		},
		{
			name:  "a speech-to-text export's name and time above each turn",
			text:  "Export\n\nIlse Varanek  0:03\nThanks for joining, Teodor.\n\nTeodor Brask  0:06\nOf course. It is late here.\n\nIlse Varanek  0:11\nDid the shipment leave?\n",
			quote: "Of course. It is late here.", want: "Teodor Brask",
		},
		{
			name:  "a label with its time in brackets alone above each turn",
			text:  "Speaker 1 (00:00:05):\nThanks for joining.\n\nSpeaker 2 (00:00:09):\nOf course.\n\nSpeaker 1 (00:00:12):\nDid it leave?\n",
			quote: "Of course.", want: "Speaker 2",
		},
		{
			name:  "a fixture list's one-word line and time is no label",
			text:  "Derby day\n\nKick-off 15:00\nGates open at noon, the club said.\n\nFull-time 16:50\nThe bars shut at six.\n\nParking 12:00\n\"Come early,\" said steward Ola Berg.\n",
			quote: "Come early", want: "Ola Berg",
		},
		{
			name:  "a hearing record's 'Mr. DRISCOLL.' labels",
			text:  "HEARING BEFORE THE SUBCOMMITTEE ON PORTS\n\nChairman HOLLOWAY. The subcommittee will come to order.\n\nMr. DRISCOLL. Thank you, Mr. Chairman.\n\nDr. STRAND. I was director for six years.\n\nMs. OKONKWO. Who signed the third contract?\n\nDr. STRAND. My deputy.\n\nThe CHAIRMAN. The gentlewoman's time has expired.\n",
			quote: "Who signed the third", want: "Okonkwo",
		},
		{
			name:  "'The CHAIRMAN.' is the member labelled Chairman",
			text:  "HEARING BEFORE THE SUBCOMMITTEE ON PORTS\n\nChairman HOLLOWAY. The subcommittee will come to order.\n\nMr. DRISCOLL. Thank you, Mr. Chairman.\n\nDr. STRAND. I was director for six years.\n\nMs. OKONKWO. Who signed the third contract?\n\nDr. STRAND. My deputy.\n\nThe CHAIRMAN. The gentlewoman's time has expired.\n",
			quote: "The gentlewoman's time", want: "Holloway",
		},
		{
			name:  "a sentence opening with capitals and no title is no label",
			text:  "Title\n\nMINISTER OKORO: The FBI called.\n\nQ: Is the dam safe?\n\nMINISTER OKORO: Yes.\nNATO. That is who asked.\n",
			quote: "Yes.", want: "Okoro",
		},
		{
			name:  "a parliamentary record's member above the speech, constituency and party in brackets",
			text:  "Kessel Harbour Contracts\n\nVolume 712: debated on Tuesday 14 October\n\nRana Okonkwo (Lowmarsh) (Lab)\nWhat assessment has the Minister made of the third contract?\n\nThe Minister for Ports (Colm Farrant)\nI thank the hon. Lady. The contract was signed by an official.\n\nRana Okonkwo\nWhich official?\n\nColm Farrant\nI will write to her.\n\nPiet Dorrell (Kessel North) (Con)\nWill the Minister publish the contract?\n\nColm Farrant\nYes.\n",
			quote: "What assessment", want: "Rana Okonkwo",
		},
		{
			name:  "an office with its holder in brackets above the speech",
			text:  "Kessel Harbour Contracts\n\nVolume 712: debated on Tuesday 14 October\n\nRana Okonkwo (Lowmarsh) (Lab)\nWhat assessment has the Minister made of the third contract?\n\nThe Minister for Ports (Colm Farrant)\nI thank the hon. Lady. The contract was signed by an official.\n\nRana Okonkwo\nWhich official?\n\nColm Farrant\nI will write to her.\n\nPiet Dorrell (Kessel North) (Con)\nWill the Minister publish the contract?\n\nColm Farrant\nYes.\n",
			quote: "I thank the hon. Lady. The contract was signed by an official.", want: "Colm Farrant", whole: true,
		},
		{
			name:  "the member's name alone the next time they speak",
			text:  "Kessel Harbour Contracts\n\nVolume 712: debated on Tuesday 14 October\n\nRana Okonkwo (Lowmarsh) (Lab)\nWhat assessment has the Minister made of the third contract?\n\nThe Minister for Ports (Colm Farrant)\nI thank the hon. Lady. The contract was signed by an official.\n\nRana Okonkwo\nWhich official?\n\nColm Farrant\nI will write to her.\n\nPiet Dorrell (Kessel North) (Con)\nWill the Minister publish the contract?\n\nColm Farrant\nYes.\n",
			quote: "Which official?", want: "Rana Okonkwo",
		},
		{
			name:  "a record's volume line is no speaker",
			text:  "Kessel Harbour Contracts\n\nVolume 712: debated on Tuesday 14 October\n\nRana Okonkwo (Lowmarsh) (Lab)\nWhat assessment has the Minister made of the third contract?\n\nThe Minister for Ports (Colm Farrant)\nI thank the hon. Lady. The contract was signed by an official.\n\nRana Okonkwo\nWhich official?\n\nColm Farrant\nI will write to her.\n\nPiet Dorrell (Kessel North) (Con)\nWill the Minister publish the contract?\n\nColm Farrant\nYes.\n",
			quote: "debated on Tuesday", dropped: true,
		},
	}
	checkSpeakerCases(t, cases, func(text string) []Found {
		doc := &model.Document{Text: text, Kind: DetectKind(text)}
		return Document(doc)
	})
}

// TestSubtitleGenericVoice checks that a WebVTT voice named by office,
// "<v Anchor>", is local to its document as an ANCHOR: label is, while a
// named voice is not.
func TestSubtitleGenericVoice(t *testing.T) {
	text := "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Anchor>Good evening.\n\n00:00:03.500 --> 00:00:06.000\n<v Ida Brun>Thanks. The river is rising.\n"
	found := Transcript(text, 0)
	checkBounds(t, text, 0, found)
	if len(found) != 2 {
		t.Fatalf("got %d cues, want 2: %+v", len(found), found)
	}
	if found[0].Speaker != "Anchor" || !found[0].Local {
		t.Errorf("anchor cue: speaker %q local %v, want a local Anchor", found[0].Speaker, found[0].Local)
	}
	if found[1].Speaker != "Ida Brun" || found[1].Local {
		t.Errorf("named cue: speaker %q local %v, want Ida Brun, not local", found[1].Speaker, found[1].Local)
	}
}

// TestSubtitleDialogueDashes checks a cue of two dashed lines: two
// quotations, given to the exchange's two voices when named cues came
// before, the one who did not speak last first; to no one otherwise.
func TestSubtitleDialogueDashes(t *testing.T) {
	cases := []struct {
		name, text string
		want       []string // speakers of the dashed lines
	}{
		{
			name: "after a named exchange",
			text: "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Ida Brun>Mayor, were you warned?\n\n00:00:03.500 --> 00:00:06.000\n<v Aldo Fenn>On Sunday.\n\n00:00:06.500 --> 00:00:08.000\n- By whom?\n- The river authority.\n",
			want: []string{"Ida Brun", "Aldo Fenn"},
		},
		{
			name: "with no named voice before",
			text: "WEBVTT\n\n00:00:06.500 --> 00:00:08.000\n- By whom?\n- The river authority.\n",
			want: []string{"", ""},
		},
		{
			name: "a cue of one dashed line is no exchange",
			text: "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Ida Brun>Mayor, were you warned?\n\n00:00:03.500 --> 00:00:06.000\n<v Aldo Fenn>On Sunday.\n\n00:00:06.500 --> 00:00:08.000\n- By whom?\n",
			want: []string{""},
		},
	}
	for _, c := range cases {
		found := Transcript(c.text, 0)
		checkBounds(t, c.text, 0, found)
		var got []string
		for _, f := range found {
			if f.Start > 0 && c.text[f.Start-2] == '-' {
				got = append(got, f.Speaker)
			}
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%s: dashed lines spoken by %q, want %q (%+v)", c.name, got, c.want, found)
		}
	}
}

// The reference footer (IWPR's Reporting Central Asia), used when a workspace
// configures no footer template of its own. `{{year}}` stands for the year.
import { footerSignature } from './footer';

export const REFERENCE_FOOTER = `**** http://iwpr.net/ **********************************************************

REPORTING CENTRAL ASIA provides the international community with a
unique insiders' perspective on the region. Using our network of local
journalists, the service publishes news and analysis from across
Central Asia on a weekly basis.

The service forms part of IWPR's Central Asia Project based in Almaty,
Bishkek, Tashkent and London, which supports media development and
encourages better local and international understanding of the region.

IWPR's Reporting Central Asia is supported by the UK Community Fund.
The service is published online in English and Russian.

The opinions expressed in Reporting Central Asia are those of the
authors and do not necessarily represent those of the publication or
of IWPR.

REPORTING CENTRAL ASIA: Editor-in-Chief: Anthony Borden; Senior Editor
and Acting Managing Editor: John MacLeod; Central Asia Programme
Director: Abakhon Sultonnazarov; Central Asia Editor: Saule
Mukhametrakhimova; Head of Programmes: Sam Compton.

**** http://iwpr.net/ **********************************************************

IWPR – Giving Voice, Driving Change

To contact IWPR please go to: http://iwpr.net/contact

IWPR - Europe, 48 Gray’s Inn Road, London WC1X 8LT, UK
Tel: +44 20 7831 1030

IWPR – United States, 729 15th Street, NW Suite 500, Washington, DC
20005, United States
Tel: +1 202 393 5641

Stichting IWPR Nederland, Eisenhowerlaan 77 K, 2517 KK Den Haag, The Netherlands
Tel: +31 70 338 9016

For further details on this project and other information services and
media programmes, go to: http://iwpr.net/

ISSN: 1477-7924 Copyright © {{year}} The Institute for War & Peace Reporting

**** http://iwpr.net/ **********************************************************

This electronic mail message and any attached files are intended solely for the
named recipients and may contain confidential and proprietary business
information of the Institute for War & Peace Reporting (IWPR) and its
affiliates. If you are not the named addressee, you should not disseminate,
distribute or copy this e-mail.

Institute for War & Peace Reporting. 48 Gray's Inn Road, London WC1X 8LT, UK.
Registered with charitable status in the United Kingdom (charity reg. no:
1027201, company reg. no: 2744185); the United States under IRS Section
501(c)(3); and The Netherlands as a charitable foundation.
`;

/** First words of each paragraph of a footer template. */
export function footerSignatures(template: string): Set<string> {
  const signatures = new Set<string>();
  for (const paragraph of template.split(/\r?\n[ \t]*\r?\n/)) {
    const trimmed = paragraph.trim();
    if (trimmed.length === 0 || trimmed.startsWith('****')) continue;
    signatures.add(footerSignature(trimmed));
  }
  return signatures;
}

export const REFERENCE_FOOTER_SIGNATURES: ReadonlySet<string> = footerSignatures(REFERENCE_FOOTER);

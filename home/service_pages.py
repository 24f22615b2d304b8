"""First versions of the service's own pages, created by migration home 0004 and edited in the admin after that.

Kept as data (slug, title, intro, rich-text body) so the migration stays short. The accessibility
statement follows the structure of the UK government's model statement for public sector websites.
"""

CONTACT_EMAIL = "practice-exchange@londoncouncils.example"

ACCESSIBILITY = f"""
<p>This accessibility statement applies to the London Practice Exchange, the website where London's
local authorities and pan-London partners share child-protection practice.</p>
<p>This website is run by London Councils on behalf of the network. We want as many people as possible
to be able to use it. For example, that means you should be able to:</p>
<ul>
<li>change colours, contrast levels and fonts using your browser or device settings</li>
<li>zoom in up to 400% without the text spilling off the screen</li>
<li>navigate most of the website using just a keyboard or speech recognition software</li>
<li>listen to most of the website using a screen reader (including the most recent versions of JAWS, NVDA and
VoiceOver)</li>
<li>print any resource on A4 paper without losing its tags or review date</li>
</ul>
<p>We've also made the website text as simple as possible to understand.</p>
<p><a href="https://mcmw.abilitynet.org.uk/">AbilityNet</a> has advice on making your device easier to use if
you have a disability.</p>
<h2>How accessible this website is</h2>
<p>We know some parts of this website are not fully accessible:</p>
<ul>
<li>some documents attached to resources are PDFs written by the publishing borough, and may not be fully
accessible to screen reader software</li>
<li>some older documents use tables for layout</li>
</ul>
<p>Every resource page has the guidance as text on the page as well, and offers it as the accessible
alternative to its PDF.</p>
<h2>Feedback and contact information</h2>
<p>If you need information on this website in a different format like accessible PDF, large print, easy read,
audio recording or braille, email <a href="mailto:{CONTACT_EMAIL}">{CONTACT_EMAIL}</a>.</p>
<p>We'll consider your request and get back to you in 10 working days.</p>
<h2>Reporting accessibility problems with this website</h2>
<p>We're always looking to improve the accessibility of this website. If you find any problems not listed
on this page or think we're not meeting accessibility requirements, email
<a href="mailto:{CONTACT_EMAIL}">{CONTACT_EMAIL}</a>.</p>
<h2>Enforcement procedure</h2>
<p>The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies
(Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 (the 'accessibility regulations').
If you're not happy with how we respond to your complaint, contact the
<a href="https://www.equalityadvisoryservice.com/">Equality Advisory and Support Service (EASS)</a>.</p>
<h2>Technical information about this website's accessibility</h2>
<p>London Councils is committed to making its website accessible, in accordance with the Public Sector Bodies
(Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018.</p>
<h3>Compliance status</h3>
<p>This website is partially compliant with the Web Content Accessibility Guidelines version 2.2 AA standard,
due to the non-compliances listed below.</p>
<h2>Non-accessible content</h2>
<p>The content listed below is non-accessible for the following reasons.</p>
<h3>Non-compliance with the accessibility regulations</h3>
<p>Some PDF and Word documents attached by publishers do not have tagged headings or text alternatives for
images, so a screen reader cannot read them in order. This fails WCAG 2.2 success criteria 1.1.1 (non-text
content) and 1.3.1 (info and relationships). Publishers are asked to check every new attachment, and the
same guidance is on the resource's page as text.</p>
<h3>Content that's not within the scope of the accessibility regulations</h3>
<p>The accessibility regulations do not require us to fix PDFs or other documents published before
23 September 2018 if they're not essential to providing our services.</p>
<h2>What we're doing to improve accessibility</h2>
<p>Every change to the website is tested automatically in a real browser with axe-core against WCAG 2.2 AA,
with keyboard-only journeys and layouts at phone and desktop widths. We ask publishers to replace
inaccessible attachments when their resources come up for review.</p>
<h2>Preparation of this accessibility statement</h2>
<p>This statement was prepared on 28 November 2026. It was last reviewed on 28 November 2026.</p>
<p>This website was last tested on 28 November 2026 against the WCAG 2.2 AA standard. The test was carried
out by the exchange's development team, with automated checks on the home, search, topic, borough and
resource pages and manual keyboard checks of the main journeys.</p>
"""

PRIVACY = f"""
<p>This notice explains what the London Practice Exchange records about the people who use it.</p>
<h2>What the exchange never holds</h2>
<p>The exchange is for practice, not cases. It must never hold information about a child, a family or
anyone else involved in a case: no names, dates of birth, addresses or case details. Documents are checked
for likely personal details when they are added, and anything found is removed.</p>
<h2>If you read or search the exchange</h2>
<ul>
<li>You do not need an account to read, search, print or download resources.</li>
<li>We keep the words you search for and the filters you choose, without anything that identifies you,
so coordinators can see what the network looks for and does not find. Searches that look like
identifiers, such as long numbers or email addresses, are not kept. Search records are deleted after 90 days.</li>
<li>Our web servers keep standard logs (pages requested, time, browser type) for up to 30 days to keep the
service secure.</li>
</ul>
<h2>If you publish or coordinate</h2>
<p>Borough leads and coordinators have an account with their name and work email address, so we can show who
changed what and send review reminders. Accounts are removed when your borough tells us you have left
the role.</p>
<h2>Who is responsible for your data</h2>
<p>London Councils is the data controller for the exchange. The lawful basis is public task: supporting
local authorities to meet their safeguarding duties.</p>
<h2>Your rights</h2>
<p>You can ask to see, correct or delete what we hold about you by emailing
<a href="mailto:{CONTACT_EMAIL}">{CONTACT_EMAIL}</a>. If you are unhappy with how we handle your data, you can
complain to the Information Commissioner's Office.</p>
"""

COOKIES = """
<p>Cookies are small files saved on your phone, tablet or computer when you visit a website.</p>
<p>The London Practice Exchange only uses cookies it needs to work. It does not use analytics, advertising or
any other cookies that need your consent, so there is no cookie banner.</p>
<h2>Essential cookies</h2>
<ul>
<li><strong>csrftoken</strong>: protects forms you fill in from being sent by another website. Expires after
one year.</li>
<li><strong>sessionid</strong>: keeps borough leads and coordinators signed in. Only set when you sign in.
Expires after two weeks or when you sign out.</li>
</ul>
<p>If we ever want to use other cookies, we will ask you first and you will be able to change your mind on
this page.</p>
"""

CONTACT = f"""
<p>The London Practice Exchange is run by London Councils for the London safeguarding children partnerships.</p>
<h2>Questions about a resource</h2>
<p>Each resource page shows the team that published it and their role mailbox. Ask them about how they use it.</p>
<h2>Everything else</h2>
<p>Email <a href="mailto:{CONTACT_EMAIL}">{CONTACT_EMAIL}</a> about publishing, accounts, events, accessibility
or anything that is not working. We reply within 5 working days.</p>
<p>Never send information about a child or family to this address.</p>
"""

HOW_TO_PUBLISH = f"""
<p>This guide is for borough leads who publish their borough's practice on the exchange.</p>
<h2>Before you start</h2>
<ul>
<li>Ask <a href="mailto:{CONTACT_EMAIL}">{CONTACT_EMAIL}</a> for a publisher account for your borough.</li>
<li>Check the resource contains nothing about any child, family or case. Examples must be anonymised and
attributed to a role, never a person.</li>
</ul>
<h2>Add a resource</h2>
<ol>
<li>Sign in at /admin/ and open Pages, then your borough.</li>
<li>Choose Add child page, then Resource.</li>
<li>Write a title and a summary of at most 400 characters saying what it is and when to use it.</li>
<li>Choose its type, the child-protection stages, Signs of Safety elements and audiences it is for.</li>
<li>Add topics as tags in the words practitioners use, for example "strategy meetings" or "S47".</li>
<li>Write the guidance in the body, and attach the PDF or Word version if you have one. The page is the
accessible version, so put everything important on the page, not only in the attachment.</li>
<li>Choose Submit for moderation. A coordinator checks it and publishes it.</li>
</ol>
<h2>Keep it current</h2>
<p>Every resource has a review date, 12 months after publication unless you set another. After that date
the page warns readers that it is overdue, so review it, update the date and submit it again.</p>
<h2>Many resources at once</h2>
<p>Coordinators can import a spreadsheet-style file of resources for you; ask us for the template.</p>
"""

# (slug, title, intro, body)
SERVICE_PAGES: list[tuple[str, str, str, str]] = [
    ("accessibility-statement", "Accessibility statement", "", ACCESSIBILITY),
    ("privacy", "Privacy notice", "What the exchange records about you, why, and for how long.", PRIVACY),
    ("cookies", "Cookies", "", COOKIES),
    ("contact", "Contact", "", CONTACT),
    ("how-to-publish", "How to publish", "A guide for borough leads.", HOW_TO_PUBLISH),
]

// English templates and slot fillers for the earshot corpus. Written for this project.
import { capFirst, FamilyBook, int, pick, tidy, type Ctx, type LangSpec, type Slots } from './lib.js';
import { enDay, enLast4, enMoney, enNumber, enPast, enPhone } from './en-words.js';

const MALE = ['John', 'Michael', 'David', 'James', 'Robert', 'Chris', 'Daniel', 'Anthony', 'Kevin', 'Brian', 'Marcus', 'Jamal', 'Luis', 'Carlos', 'Tyler', 'Brandon', 'Eric', 'Steven', 'Jason', 'Derek', 'Andre', 'Terrell', 'Scott', 'Greg', 'Patrick', 'Ryan', 'Travis', 'Hector', 'Raymond', 'Dennis', 'Wayne', 'Darnell', 'Mohammed', 'Tuan', 'Vincent', 'Keith', 'Roger', 'Shawn', 'Joel', 'Frank'];
const FEMALE = ['Mary', 'Jennifer', 'Linda', 'Patricia', 'Jessica', 'Ashley', 'Sarah', 'Karen', 'Nicole', 'Stephanie', 'Tamika', 'Latoya', 'Maria', 'Rosa', 'Brittany', 'Amanda', 'Melissa', 'Denise', 'Crystal', 'Tiffany', 'Angela', 'Michelle', 'Heather', 'Kimberly', 'Monique', 'Yolanda', 'Priya', 'Lisa', 'Donna', 'Rebecca', 'Shanice', 'Gloria', 'Kayla', 'Courtney', 'Erin', 'Vanessa', 'Diane', 'Sheila', 'Ebony', 'Holly'];
const LAST = ['Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Hernandez', 'Lopez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Green', 'Baker', 'Adams', 'Nelson', 'Hill', 'Campbell', 'Mitchell', 'Carter', 'Roberts', 'Nguyen', 'Patel', 'Washington', 'Brooks', 'Kowalski', 'O\'Brien', 'Sullivan', 'Reyes', 'Coleman', 'Foster'];
const AGENTS = ['Mike', 'Sarah', 'Kevin', 'Jessica', 'Tony', 'Brenda', 'Marcus', 'Angela', 'Steve', 'Rachel', 'Dave', 'Tonya', 'Chris', 'Nina', 'Rob', 'Carla', 'Jake', 'Lauren', 'Omar', 'Denise'];
const CREDITORS = ['Capital Crest Bank', 'Northgate Auto Finance', 'Summit Medical Group', 'BrightLine Wireless', 'Harbor Federal Credit Union', 'QuickCash Loans', 'Ridgeview Regional Hospital', 'Evergreen Card Services', 'Lakeshore Furniture', 'Pioneer Student Lending', 'Bluewater Bank', 'Metro Power and Light', 'Sterling Personal Loans', 'Cardinal Apartments', 'Apex Dental Partners', 'Keystone Auto Credit'];
const LENDERS = ['Capital Crest Bank', 'Northgate Auto Finance', 'Harbor Federal Credit Union', 'QuickCash Loans', 'Evergreen Card Services', 'Pioneer Student Lending', 'Bluewater Bank', 'Sterling Personal Loans', 'Keystone Auto Credit', 'Lakeshore Credit Card'];
const AGENCIES = ['Dalton Recovery Services', 'Pinnacle Collections', 'Meridian Account Solutions', 'Crestview Receivables', 'National Credit Recovery', 'Silverline Collection Agency', 'Hudson Portfolio Services', 'Redwood Recovery Group'];
const NEUTRAL = ['Dalton Group', 'Meridian', 'the Crestview office', 'Hudson Services', 'Redwood Group', 'Silverline', 'the Pinnacle office', 'NCR'];
const EMPLOYERS = ['Dunmore Logistics', 'the Riverside warehouse', 'Kessler Plumbing', 'St. Mary\'s hospital', 'the school district', 'Walton Home Improvement', 'the county office', 'Sunrise Daycare', 'Mesa Auto Body', 'the distribution center'];
const COUNTIES = ['Harris County', 'Cook County', 'Maricopa County', 'Dallas County', 'Fulton County', 'Wayne County', 'Cuyahoga County', 'Orange County', 'Bexar County', 'Shelby County'];

const g = (c: Ctx, m: string, f: string): string => (c.gender === 'm' ? m : f);

const slots: Slots = {
  first: (c) => pick(c.rng, c.gender === 'm' ? MALE : FEMALE),
  last: (c) => pick(c.rng, LAST),
  first2: (c) => pick(c.rng, [...MALE, ...FEMALE]),
  agent: (c) => pick(c.rng, AGENTS),
  he: (c) => g(c, 'he', 'she'),
  He: (c) => g(c, 'He', 'She'),
  him: (c) => g(c, 'him', 'her'),
  his: (c) => g(c, 'his', 'her'),
  sir: (c) => g(c, 'sir', 'ma\'am'),
  mr: (c) => g(c, 'Mr.', pick(c.rng, ['Ms.', 'Mrs.'])),
  // relation of the debtor to the third party on the phone
  tpSir: (c) => g(c, 'Ma\'am', 'Sir'),
  ex: (c) => g(c, 'ex-husband', 'ex-wife'),
  relOf: (c) => pick(c.rng, c.gender === 'm' ? ['husband', 'son', 'brother', 'dad', 'boyfriend', 'nephew', 'roommate', 'tenant', 'grandson'] : ['wife', 'daughter', 'sister', 'mom', 'girlfriend', 'niece', 'roommate', 'tenant', 'granddaughter']),
  // relation of the third party to the debtor
  tpRel: (c) => pick(c.rng, [g(c, 'wife', 'husband'), 'mother', 'father', 'brother', 'sister', 'neighbor', 'coworker', 'boss', 'roommate', 'landlord', 'kids', 'in-laws', 'pastor']),
  family: (c) => pick(c.rng, [g(c, 'your wife', 'your husband'), 'your kids', 'your mother', 'your family', 'your daughter', 'your son', g(c, 'your wife and kids', 'your husband and kids'), 'your parents']),
  creditor: (c) => pick(c.rng, CREDITORS),
  lender: (c) => pick(c.rng, LENDERS),
  agency: (c) => pick(c.rng, AGENCIES),
  neutral: (c) => pick(c.rng, NEUTRAL),
  employer: (c) => pick(c.rng, EMPLOYERS),
  boss: (c) => pick(c.rng, ['your boss', 'your manager', 'your supervisor', 'HR', 'your job', 'your employer', 'the people you work with']),
  county: (c) => pick(c.rng, COUNTIES),
  social: (c) => pick(c.rng, ['Facebook', 'Instagram', 'TikTok', 'your Facebook page', 'social media', 'the neighborhood group chat', 'Nextdoor']),
  amt: (c) => enMoney(c.rng, 'm'),
  big: (c) => enMoney(c.rng, 'l'),
  pay: (c) => enMoney(c.rng, 's'),
  pay2: (c) => enMoney(c.rng, 's'),
  day: (c) => enDay(c.rng),
  past: (c) => enPast(c.rng),
  phone: (c) => enPhone(c.rng),
  last4: (c) => enLast4(c.rng),
  months: (c) => pick(c.rng, ['three', 'four', 'six', 'eight', 'ten', 'twelve', 'eighteen', '6', '12']),
  days: (c) => pick(c.rng, ['thirty', 'thirty-five', 'sixty', 'ninety', 'a hundred and twenty', '30', '90']),
  pct: (c) => pick(c.rng, ['twenty', 'thirty', 'forty', 'fifty', 'sixty', '25', '40']),
  ext: (c) => (c.rng() < 0.5 ? `extension ${enNumber(int(c.rng, 100, 499), c.rng)}` : `extension ${int(c.rng, 100, 499)}`),
  insult: (c) => pick(c.rng, ['deadbeat', 'loser', 'liar', 'idiot', 'moron', 'bum', 'freeloader', 'lowlife', 'thief', 'scumbag', 'clown', 'leech', 'con artist', 'parasite', 'joke', 'dumbass', 'piece of trash', 'waste of space']),
  insultAdj: (c) => pick(c.rng, ['lying', 'worthless', 'pathetic', 'lazy', 'stupid', 'useless', 'no-good', 'sorry', 'deadbeat', 'freaking', 'fucking', 'goddamn']),
  cuss: (c) => pick(c.rng, ['damn', 'freaking', 'fucking', 'goddamn', 'stupid']),
  police: (c) => pick(c.rng, ['the sheriff', 'the police', 'a deputy', 'the marshals', 'an officer', 'the sheriff\'s department']),
  when: (c) => pick(c.rng, ['today', 'tomorrow', 'tomorrow morning', 'by the end of the day', 'this afternoon', 'first thing Monday', 'within twenty-four hours', 'tonight']),
  thing: (c) => pick(c.rng, ['your car', 'your truck', 'your house', 'your furniture', 'your TV', 'everything in that house', 'your tools', 'your paycheck', 'your bank account']),
};

const b = new FamilyBook('en');

// ---------------------------------------------------------------- threats
b.threat(['[You know what, |Listen, |]I know where you live, {first}. [You better watch your back.|Watch yourself.|Think about that.]', 'We know where you live and we know what car you drive, [so watch your back|so think real hard about not paying|you understand me]?']);
b.threat(['If I have to come out there myself [it\'s not going to be pretty|you\'re going to get hurt|you won\'t like what happens], [{first}|buddy|{sir}].', 'Keep dodging me and somebody\'s going to show up at your door, and it won\'t be to talk.']);
b.threat(['[It would be a shame|It\'d be a real shame] if something happened to {family} [over {amt}|over a little debt|because you won\'t pay].', 'You\'ve got {family} at home, right? [Think about them before you hang up on me.|I\'d hate for them to get hurt over this.]']);
b.threat(['[I\'m going to|We\'re going to|I will] call {boss} and tell them [exactly what kind of person you are|you don\'t pay your bills|you\'re a thief] if this isn\'t paid by {day}.', 'Pay the {amt} or I call {employer} and let everybody there know you\'re a deadbeat.']);
b.threat(['We\'ll post [your name and picture|your name|this debt] on {social} so [everybody|your whole neighborhood|all your friends] can see who doesn\'t pay.', 'How do you think it\'ll look when your friends see you on {social} [as a deadbeat|owing {amt}]?']);
b.threat(['[I\'m going to|We\'ll] knock on every door on your street and tell your neighbors [you owe {amt}|what you did|you\'re a deadbeat].', 'Your neighbors are going to hear all about this [unless you pay today|if you don\'t pay by {day}].']);
b.threat(['Things could happen to {thing}[, you know|, just saying|]. [Cars catch fire.|Windows get broken.|Accidents happen.]', '[Nice car you got.|Nice house.] Be a shame if it got [damaged|scratched up|burned] [before this gets paid|while you\'re ignoring us].']);
b.threat(['You hang up on me one more time and [you\'ll regret it|I swear you\'ll be sorry|I\'ll make your life hell], {first}.', 'I\'ll make your life a living hell until [this is paid|you pay every cent|I get my {amt}].']);
b.threat(['[We\'re going to|I\'ll] call {family} [every day|at all hours|day and night] until you pay.', 'I will keep calling your mother\'s house and your job [all day|every hour] until [this is paid|you pick up].']);
b.threat(['[Watch your back|Better watch your back], {first}. [We don\'t forget.|I mean it.|We\'re not done with you.]', 'People who stiff us [tend to regret it|end up sorry], [trust me|believe me].']);
b.threat(['I\'ll show up at {employer} [myself|in person] and embarrass you in front of [everyone|your coworkers|your boss].', 'We can send someone to your work [to have a talk with you|and make a scene] [in front of everybody|if that\'s what it takes].']);
b.threat(['I can make sure your kids find out [their dad|their mom|their parent] is a thief.', 'Maybe I should tell your kids\' school [about this|what kind of parent doesn\'t pay] [and see how you like it|].']);
b.threat(['You think this is a game? [I\'ll|We\'ll] [come find you|track you down] [and|and believe me] you\'ll pay one way or another.', 'One way or another you\'re paying this {amt}, [and you can pick the easy way or the hard way|the easy way or the hard way].']);
b.threat(['[I\'ve got|We have] guys in your area [who can pay you a visit|who\'ll stop by tonight] [if you don\'t cooperate|unless you pay].', 'Don\'t make me send somebody over there, {first}.']);
b.threat(['I will ruin your [name|reputation] in this town [over this|if it\'s the last thing I do].', 'By the time I\'m done everybody at your church is going to know you don\'t pay your debts.']);
b.threat(['[Pay up|Pay it] or [you\'ll get what\'s coming to you|you\'re going to get hurt|something bad is going to happen].', '[Keep it up|Keep ignoring me] and [see what happens|see what happens to you] [, pal|, {first}|].']);
b.threat(['We\'ll [text|message] all your contacts and tell them you [stole|owe] {amt}.', '[We have|I\'ve got] your whole contact list [and I will use it|and everybody on it is going to hear from us].']);
b.threat(['If you don\'t pay, I\'ll put a sign on your lawn [that says deadbeat|saying you don\'t pay your debts].', 'I\'ll stand outside your house [with a sign|and tell everybody who walks by] until you pay.']);
b.threat(['You better sleep with one eye open.', '[I hope you|You better] lock your doors at night[, {first}|], [that\'s all I\'m saying|just saying].']);
b.threat(['I\'m going to make sure you lose your job over this.', 'One call from me and you\'re fired, [you understand|got it|how about that]?']);
b.threat(['[We\'ll|I\'ll] tell your landlord [and get you evicted|you\'re a deadbeat|so he knows who he\'s renting to].', 'Your landlord\'s going to get a call from me [today|this afternoon] [unless you pay now|].']);
b.threat(['If that money isn\'t here by {day}, [I\'m coming for you|you\'re done|I\'ll come get it myself].']);
b.viol(['threat', 'insult'], ['Listen, you [{insultAdj} {insult}|{insult}], pay the {amt} or [I\'ll make you regret it|you\'ll be sorry|watch your back].', 'You [{cuss} {insult}|{insult}], I know where you live and I\'m not going to forget it.', 'I\'ll tell everybody at {employer} what a [{insultAdj} {insult}|{insult}] you are.']);
b.viol(['threat', 'insult'], ['Pay up, [you {insult}|{insult}], or your wife is going to hear all about it.', 'Hang up on me again, [you {cuss} {insult}|{insult}], and you\'ll see what happens.']);
b.threat(['Don\'t think [{family}|your family] is safe [just because|because] you moved.', 'We found your new address, {first}. [We\'ll find you anywhere.|You can run but you can\'t hide.]']);

// ---------------------------------------------------------------- insults
b.insult(['You\'re nothing but a [{insultAdj} |]{insult}, [{first}.|you know that?]', 'What kind of [{insultAdj} |]{insult} doesn\'t pay [{amt}|a bill this small]?']);
b.insult(['[Stop|Quit] [lying to me|making excuses], you [{insultAdj} |]{insult}.', 'Don\'t give me that [crap|bullshit|garbage], you [{insultAdj} |]{insult}.']);
b.insult(['[Are you stupid|Are you an idiot|Are you dumb] or something? [I said|I told you] {amt}[ by {day}|].', 'How [stupid|dumb] can you be? [It\'s not that hard|You just pay the bill].']);
b.insult(['You people are all the same, [{insultAdj} |]{insult}s [who never pay|living off everybody else].', 'Typical {insult}. [Always an excuse.|Never any money.]']);
b.insult(['[Shut up|Shut your mouth] and listen to me[, {first}|, you {insult}].', 'Shut the [hell|fuck] up [for a second|and listen], I\'m talking.']);
b.insult(['You\'re [a disgrace|pathetic|a joke][, {first}|]. [Grown adult and can\'t pay {amt}.|Can\'t even pay your own bills.]', 'What a [pathetic|sorry|sad] excuse for a [man|woman|person].']);
b.insult(['Get a real job, [you {insult}|{insult}], [and pay your bills|instead of wasting my time].', 'Maybe if you weren\'t so [lazy|damn lazy] you could pay {amt}.']);
b.insult(['You\'re a [{cuss} |]liar[, {first}|], and everybody knows it.', 'Liar. [You said that last month.|That\'s what you said last time.] [You\'re a liar.|Liar.]']);
b.insult(['I don\'t have time for your [{cuss} |]excuses, [{insult}|you {insult}].', 'Cry me a river, [{insult}|you {insult}]. [Pay the bill.|Nobody cares.]']);
b.insult(['[What the hell is wrong with you|What is wrong with you], [you {insult}|{first}]? [Are you brain dead|You got rocks in your head]?']);
b.insult(['You\'re a [{cuss} |]thief, [plain and simple|that\'s what you are]. [You took the money and ran.|You stole from {creditor}.]', 'People like you are [thieves|crooks], [nothing more|period].']);
b.insult(['Don\'t you hang up on me, you [{insultAdj} |]{insult}!', 'Oh, real mature, [you {insult}|{insult}].']);
b.insult(['[Jesus|God], you\'re [dumb|stupid|slow]. [Let me say it slower for you.|Do I have to spell it out for you?]', 'Even a child could understand this, [{first}|you {insult}].']);
b.insult(['You\'re an embarrassment to {family}.', 'No wonder {family} [can\'t stand you|left you], you [{insultAdj} |]{insult}.']);
b.insult(['You [{cuss} |]bum, [you owe {amt}|pay what you owe].', 'Listen here, [you bum|you freeloader|you deadbeat], this is your [last|final] call.']);
b.insult(['[Quit|Stop] crying like a baby, {first}.', 'Grow up and [be a man|act like an adult] for once [and pay your debt|].']);
b.insult(['You\'re [trash|garbage|scum], {first}. [Total trash.|Complete garbage.]', 'You\'re [trash|garbage|scum], you know that?', 'Scum like you [never pay|always has an excuse].']);
b.insult(['[Bitch|Asshole|Jackass], [pay your bill|I\'m not done talking|don\'t hang up].', 'Don\'t get smart with me, [you little {insult}|{insult}|smart-ass].']);
b.insult(['[Deadbeat|Loser|Moron]. [That\'s|That is] [all you are|what you are].', 'You\'re the worst kind of {insult}, [{first}|you really are].']);
b.insult(['I can\'t believe [an idiot like you|a moron like you] got [a loan|credit] in the first place.', 'Whoever approved [an idiot|a loser] like you for {amt} should be fired.']);
b.insult(['Sounds like a [bunch of crap|load of bull|bunch of BS] to me, [you {insult}|liar].']);
b.insult(['[You|Ya] [freaking|fucking|damn] [lowlife|deadbeat|loser], you\'ve had {months} months.']);
b.viol(['insult', 'false_legal'], ['You\'re a [{cuss} |]criminal, [{first}|you {insult}], and [you\'re going to jail|the police are coming for you].', 'Listen, [{insult}|you {insult}], not paying is [fraud|theft|a crime] and [you\'ll be arrested|you\'ll go to jail].']);

// ---------------------------------------------------------------- false legal
b.legal(['[If you don\'t pay|If this isn\'t paid] [today|by {day}|by five o\'clock], [there will be|we\'ll have] a warrant [out |issued ]for your arrest.', 'There\'s [a warrant|an arrest warrant] [waiting|pending] in {county} [with your name on it|] [unless this is paid today|].']);
b.legal(['[Not paying this|Not paying a debt] is [a crime|a federal crime|fraud|theft of services] and you [can|will] go to jail for it.', 'You could [do time|go to prison|get jail time] for [this|writing a bad check|defaulting on this loan].']);
b.legal(['[This is|I\'m] Officer {last} [with|from] the {county} Sheriff\'s Department [calling about|regarding] [a debt|your unpaid account|{creditor}].', 'I\'m calling from the [district attorney\'s office|county court|sheriff\'s office] [about|regarding] your [unpaid balance|case with {creditor}].']);
b.legal(['[The sheriff|An officer|A deputy] will be [at your door|at your house|at your job] {when} [to pick you up|to arrest you|to serve you] [if this isn\'t settled|unless you pay].', '{police} [is|are] [on the way|going to be sent out] [to your house|to your job] [unless you pay now|].']);
b.legal(['We\'re garnishing your [wages|paycheck] [starting|as of] {when}.', '[Your paycheck|Your wages] will be garnished [{when}|starting {day}] [, no court needed|, we already sent it to {employer}|].']);
b.legal(['We\'re [freezing|seizing|emptying] your bank account {when} [unless you pay|if I don\'t get {amt}].', 'Your [bank account|checking account] will be frozen {when}[. It\'s already been ordered.|].']);
b.legal(['[This is|I\'m calling from] the [law office|legal department] of {last} and Associates, [attorneys at law|] [and you\'ve been served|and we\'re filing against you today].', 'I\'m an attorney [representing|with] {creditor} and [we are filing|I am filing] [a criminal complaint|charges] [against you|] {when}.']);
b.legal(['You\'re being [charged with|investigated for] [check fraud|theft by deception|loan fraud] [, {first}|].', 'We\'ve [turned|referred] your file [over|] to [the fraud unit|law enforcement|the police] for [criminal charges|prosecution].']);
b.legal(['[A judgment has already been entered|The judge already ruled] against you [and we can take {thing}|] {when}.', 'You already lost in court, [you just don\'t know it yet|we have the judgment right here] [, and the marshals are coming|].']);
b.legal(['We\'ll [take|repossess|seize] {thing} {when} [if this isn\'t paid|unless you pay].', 'Our [truck|recovery team] will be out {when} to [take|pick up] {thing}.']);
b.legal(['[This is your last chance before we file a lawsuit|We\'re filing the lawsuit] {when}[, and you\'ll have to pay all the court costs|].', 'I\'m [sending|putting] this to [our attorneys|legal] {when} [and they will sue you|to sue you] for [{big}|triple the amount|every cent plus fees].']);
b.legal(['We\'re going to report you to the IRS [for this|and they\'ll audit you].', 'Your Social Security [benefits will be cut off|checks will be stopped] [unless you pay|] [this month|{when}].']);
b.legal(['If you don\'t pay, [you\'ll lose your driver\'s license|we\'ll have your license suspended|your license gets revoked].', 'We can [have your|get your] [professional license|nursing license|CDL] [revoked|taken away] [over this debt|] [if you don\'t pay|].']);
b.legal(['[Immigration|ICE] will be notified [if this debt isn\'t paid|unless you pay today].', 'Not paying a debt can get you deported, [{first}|you know that].']);
b.legal(['[I\'m calling on behalf of the court|This is a court officer] [regarding|about] your case [number|file] {last4}.', 'This call is from [the courthouse|the county clerk\'s office] [, you need to pay|] {amt} [to avoid arrest|to close your case].']);
b.legal(['This is a [final notice|legal notice] before [your arrest|you are taken into custody].', '[Press one|Call back] now [or|to avoid] [being arrested|a warrant being issued].']);
b.legal(['You have to pay [today|right now] or [you\'ll go to jail|they will lock you up].', 'Pay now [or|, otherwise] you\'re going to [jail|prison]. [Simple as that.|It\'s that simple.]']);
b.legal(['Your [credit|credit score] [will be|is going to be] ruined forever [, like permanently|, it never comes off|].', 'This [will stay|stays] on your credit [forever|for the rest of your life] [unless you pay today|].']);
b.legal(['[We\'ve|I\'ve] already [filed|got] [charges|a criminal case] [against you|] in {county}.', '[There\'s|You have] a court date [next week|on {day}] [and if you miss it you\'ll be arrested|for failure to pay].']);
b.legal(['[This amount|The balance] [doubles|goes up by {pct} percent] {when} if you don\'t pay [, that\'s the law|].', 'If you don\'t pay today we\'re adding [{amt}|a {pct} percent penalty] in legal fees.']);
b.legal(['I\'m with the [government|federal] [debt recovery office|Treasury collections division] [and this is a federal matter|].', 'This is [a government agency|the state], [{first}|{sir}], [and you will comply|you don\'t have a choice].']);
b.legal(['We\'re going to sue you {when}[, no matter what|, period].', 'If you don\'t pay the full {amt}, we\'re suing you {when}.', 'You\'ll be served [tonight|tomorrow|at work {when}] [with court papers|with a lawsuit].']);
b.legal(['It\'s illegal to [not pay|refuse to pay] [a debt|your bills|this], [{first}|{sir}].', 'You\'re breaking the law [right now|by not paying|every day this stays unpaid].']);
b.legal(['[We|I] can [put a lien on|take] your house [tomorrow|this week] [, no court needed|without going to court].', 'We don\'t need a judge [to garnish you|to take your wages|to freeze your account], [we can do it ourselves|we can just do it].']);
b.legal(['You\'ll be [arrested|picked up] at [work|your job|{employer}] [in front of everybody|] [if you don\'t pay|].']);
b.viol(['false_legal', 'threat'], ['The sheriff is going to arrest you in front of [your kids|{family}|your neighbors] [, and everybody will know|].', 'We\'ll have you arrested at {employer} so your whole work sees [it|you in cuffs].']);

// ---------------------------------------------------------------- third-party disclosure (+ lawful twins to the debtor)
b.disclose(['[Ma\'am|Sir|Hi], I\'m calling because your {relOf} {first} owes {amt} to {creditor} [and it\'s overdue|and it\'s in collections|and hasn\'t paid].', 'Your {relOf} has a [past-due|delinquent|seriously overdue] balance of {amt} with us[, can you get {him} to call|].'], { twin: ['{first}, I\'m calling because you owe {amt} to {creditor} [and it\'s overdue|and it\'s in collections|and it hasn\'t been paid].', 'You have a [past-due|delinquent|seriously overdue] balance of {amt} with us[. Can we set something up?|.]'] });
b.disclose(['This is {agent} from {agency}, a debt collector, calling about {first} {last}\'s [account|debt]. [Can you tell {him}|Please let {him} know] [we called|to call us back].', 'Hi, this is {agency}. We\'re trying to collect a debt from {first} {last}. [Are you {his} {tpRel}?|Do you know how to reach {him}?]'], { twin: ['This is {agent} from {agency}, a debt collector, calling about your account, {first}.', 'Hi {first}, this is {agency}. [We\'re|I\'m] calling [about|to collect] a debt [you owe|on your account].'] });
b.disclose(['Can you tell {first} [that|] {his} [account|loan] with {lender} [is|has gone] [to collections|into default] [and|, and] [we need payment|it\'s {amt}]?', 'Just let {him} know the {lender} [loan|card] is [{days} days past due|in default] [, okay|].'], { twin: ['{first}, your [account|loan] with {lender} [is|has gone] [to collections|into default] [and we need to talk about payment|and the balance is {amt}].', 'Your {lender} [loan|card] is [{days} days past due|in default], [so I wanted to go over options|okay?].'] });
b.disclose(['[Hi, is this|Am I speaking with] {first}\'s [employer|supervisor|HR]? [We need to verify employment because|I\'m calling because] {he} owes {amt} [on a|to] {lender} [account|].', 'I\'m calling [{employer}|your HR department] about your employee {first} {last}, {he} [has a debt|has an unpaid loan] with [us|{lender}] [of {amt}|].']);
b.disclose(['Is this the neighbor? [Could you|Can you] [knock on|go over to] {first}\'s door and tell {him} {he} [owes us|needs to pay] {amt}?', 'We\'ve been trying to reach your neighbor {first} about a [debt|past-due bill] [with {creditor}|of {amt}], [do you know when {he}\'s home|could you pass it along]?']);
b.disclose(['You were listed as a reference on {first}\'s loan [with {lender}|], and {he}\'s [stopped paying|behind by {amt}|in default].', '{first} [put you down|listed you] as a reference, and the loan is [{days} days late|in collections] [, so we need your help finding {him}|].']);
b.disclose(['Mrs. {last}? Your son {first2} [took out|has] a loan [with us|with {lender}] and [owes|still owes] {amt}.', 'Mr. {last}, I\'m calling about your daughter\'s [credit card|car loan|student loan]. She [owes|is behind] {amt} [and it\'s in collections|and it\'s past due].']);
b.disclose(['[Since you\'re|As] {his} {tpRel}, maybe you could help {him} pay the {amt} {he} owes [{creditor}|us].', 'Would you be willing to cover {first}\'s balance of {amt}? [It\'s way overdue.|We\'re about to sue {him} over it.]'], { twin: ['[Since you\'re the account holder|Since this is your account], maybe we could work out a plan for the {amt} you owe [{creditor}|us].'] });
b.disclose(['Sorry, wrong number? Well, if you know {first} {last}, tell {him} {he} owes [{creditor}|us] {amt}.', 'Oh, this isn\'t {first}\'s number anymore? [Okay, well|Well,] if you see {him}, tell {him} [the collection agency called|{he} needs to pay {his} debt].']);
b.disclose(['[Hi, |]this message is for {first} {last}. This is {agency} calling about [a past-due debt|your unpaid balance of {amt}|the {creditor} account in collections]. [Call us back at|Please call] {phone}.', 'Message for the {last} household: [we are attempting to collect a debt|this is a debt collector] [regarding|for] {first}. [Call|Please call] {phone}.']);
b.disclose(['I\'m going to need you to tell {first} that [we\'re suing {him}|a lawsuit is being filed] over the {creditor} debt.', 'Let {first} know [we have a judgment against {him}|{his} case goes to court on {day}] for the {amt} {he} owes.'], { twin: ['{first}, I need to let you know [that the creditor has filed suit|that a lawsuit has been filed] over the {creditor} debt[, and you\'ll be served|].', '{first}, [there is a judgment on this account|your case is set for {day}] for the {amt} balance[, and I wanted to make sure you knew|].'] });
b.disclose(['[Your coworker|Your colleague] {first} owes [us|{lender}] {amt}, [can you have {him} call me|could you give {him} a message]?', 'Hey, you work with {first} {last}, right? {He}\'s [way behind on a loan|dodging a debt] and we need {him} to call us.']);
b.disclose(['{tpSir}, since you\'re married to {first}, you should know {he}\'s [behind|late] on {his} [credit card|car payments|loan] by {amt}.', 'Do you know your {relOf} [stopped paying|hasn\'t paid] {his} [{lender} bill|loan] since {past}?']);
b.disclose(['We\'re calling the emergency contact for {first} {last}. {He} [owes|has an overdue balance of] {amt} [and we can\'t reach {him}|and hasn\'t responded].', 'You\'re listed as {first}\'s emergency contact. {He}\'s [in default|delinquent] on a [loan|credit card] [with {lender}|].']);
b.disclose(['Can I leave a message? Tell {first} it\'s about the {amt} {he} [owes|still owes] on the [car|card|medical bill].', 'Just tell {him} [the collections department|the bill collector|the debt people] called about the {amt}.'], { twin: ['{first}, it\'s about the {amt} you [owe|still owe] on the [car|card|medical bill].', 'This is the collections department calling about the {amt}[, {first}|].'] });
b.disclose(['[Hi, this is|I\'m] {agent} from {agency}; is {first} there? No? [Well, |]{he} has a [past-due|delinquent] account [with us|with {creditor}], [please have {him} call|tell {him} to call] {phone}.']);
b.disclose(['Hi, is this {first}\'s [mom|dad|mother|father]? {He} [owes|hasn\'t paid] {amt} and [we\'ve been trying to reach {him} for weeks|{he}\'s been avoiding our calls].', 'As {his} [mother|father], you might want to know {he} [owes|defaulted on] {amt} [with|to] {creditor}.']);
b.disclose(['Is {first} in the office today? [I\'m|This is] {agent} [with|from] {agency} [calling about|regarding] [a debt {he} owes|{his} delinquent account].', 'Could you put me through to {first} {last}? It\'s about [{his} overdue payments|a collection account] [with {creditor}|].']);
b.disclose(['Is this the landlord for {first} {last}? {He} [has an unpaid debt|owes {amt}] [with us|to {creditor}] [and|so] we\'re trying to [locate {him}|get an address].']);
b.disclose(['You\'re {his} [roommate|landlord|neighbor], right? Well, {first} [owes|skipped out on] {amt} and [we\'re taking {him} to court|it\'s in collections].']);
b.disclose(['{first} told us you might help with [the|{his}] [debt|bill]; {he}\'s [{days} days behind|behind {amt}] [on {his} loan with {lender}|].'], { twin: ['{first}, you told us [your {tpRel}|a relative] might help with the [debt|bill]; you\'re [{days} days behind|behind {amt}] [on your loan with {lender}|].'] });

// ---------------------------------------------------------------- lawful agent lines (routine)
b.ok(['[Hi|Hello|Good morning|Good afternoon], may I speak with {first} {last}[, please|]?', '[Hi|Hello], I\'m trying to reach {first} {last}. Is {he} available?'], { rp: null });
b.ok(['Am I speaking with {first} {last}?', 'Is this {first}?', 'Could you confirm I\'m speaking with {first} {last}?'], { rp: null });
b.ok(['[Before we continue|For security], can you [verify|confirm] your date of birth?', 'Can you [confirm|verify] the last four of your Social Security number[ for me|], please?', 'Could you [verify|confirm] your [mailing address|street address|zip code], please?'], { rp: null });
b.ok(['Thank you, [that matches|that\'s verified|you\'re verified]. [My name is|This is] {agent}.', 'Perfect, thanks for verifying that, {first}.']);
b.ok(['[My name is|This is] {agent} [with|from] {agency}. This is an attempt to collect a debt and any information obtained will be used for that purpose.', 'This is {agent} calling from {agency}; this call is from a debt collector[, and it may be recorded|].']);
b.ok(['[I\'m calling|I\'m reaching out] about your {creditor} account[ ending in {last4}|].', 'The reason for my call is the balance on your {creditor} account.']);
b.ok(['[Your current balance is|The balance on the account is|The amount due is] {amt}.', 'As of today you owe {amt} on the {creditor} account[ ending in {last4}|].', '[It shows|I\'m showing] a balance of {amt}[, last payment received {past}|].']);
b.ok(['Would you be able to pay the full {amt} today, or would a payment plan work better?', 'How would you like to take care of the balance of {amt} today?']);
b.ok(['We can set you up on a payment plan of {pay} a month for {months} months.', 'What if we did {pay} [every two weeks|a month|on the first of each month]?', 'I can split the balance into {months} monthly payments of {pay}.']);
b.ok(['[I can offer|We\'re authorized to offer] a settlement of {amt} [if it\'s paid by {day}|as a one-time payment].', 'If you can pay {pct} percent of the balance by {day}, the creditor will accept it as settlement in full.']);
b.ok(['[What date|When] works for your first payment?', 'So the first payment of {pay} will come out on {day}, is that right?', 'Let me confirm: {pay} on {day}, then the same amount every month.']);
b.ok(['Can I get the [card number|routing number|account number] you\'d like to use?', 'Would you like to pay by [debit card|checking account|card] today?', 'Is that a [checking|savings] account?']);
b.ok(['You\'ll receive a confirmation [by email|in the mail|by text] [within a few days|within two business days].', 'I\'ll send you a letter confirming the arrangement [to the address on file|by email].']);
b.ok(['I understand things are tight right now. [What can you afford|What amount would be realistic] each month?', 'I\'m sorry to hear about your [job|hours being cut|medical situation]. Let\'s see what we can work out.']);
b.ok(['If you [lost your job|are on disability|are in the hospital], we can [note the account|put a hardship hold on the account] for {days} days.', '[There is|We have] a hardship program [that could lower your payment|that pauses collection] if you qualify.']);
b.ok(['If you dispute the debt, you can [send us|tell us] [in writing|that] [within thirty days|by {day}] and we\'ll [verify it|send you verification].', 'You have the right to dispute this debt[; I can note the dispute right now|]. Would you like to do that?', 'I\'ll mark the account as disputed and [we\'ll stop collection|pause collection] until we mail you verification.']);
b.ok(['I can mail you a validation notice with the [original creditor|itemized balance|account details].', 'You\'ll get [a letter|a validation notice] [that shows|showing] how we got to {amt}.']);
b.ok(['Is this a good time to talk, or would you prefer I call back?', 'What time is [better|more convenient] for you? [I can call after five|Mornings or evenings]?', 'Is it okay if we call you at this number?'], { rp: null });
b.ok(['No problem, I\'ll call you back [on {day}|tomorrow afternoon|after six].', 'I\'ve noted that you [don\'t want calls at work|prefer calls in the evening]; we won\'t call you there.']);
b.ok(['[Thanks for your time|Thank you for taking care of this], {first}. [Have a good day.|Take care.]', 'Is there anything else I can help you with today?'], { rp: null });
b.ok(['[Hi|Hello], this is {agent} calling for {first} {last}. Please call me back at {phone}[, {ext}|]. Thank you.', 'This message is for {first} {last}. [Please|Could you] call {agent} at {phone}[, {ext}|]. [Thanks.|Thank you.]'], { rp: false });
b.ok(['[Hi|Hello], could you please ask {first} to call {agent} at {phone}[? Thank you.|? Thanks.]', 'Would you let {first} know that {agent} from {neutral} called? {He} can reach me at {phone}.'], { rp: false });
b.ok(['Is there a better time to reach {first}?', 'Do you know when {first} will be home?', 'That\'s fine, I\'ll try {him} again later.'], { rp: false });
b.ok(['Okay, I\'m sorry, I must have the wrong number. [I\'ll remove it from our list|I\'ll take it off our list|We won\'t call again]. [Have a good day.|Sorry to bother you.]', 'My apologies for the mix-up. I\'ll update our records so you don\'t get more calls.'], { rp: false });
b.ok(['It\'s a personal business matter, I\'m sorry, I can only discuss it with {first}.', 'I\'m sorry, I can\'t [share details|discuss the reason for the call] with anyone but {first} {him}self.'], { rp: false });
b.ok(['Would you like me to send the payment link [by text|by email|to your phone]?', 'I\'ll text you a secure link [to make the payment|to pay online] [right after this call|].']);
b.ok(['Your payment of {pay} [went through|was approved|was processed]. Confirmation number {last4}.', 'I\'m showing your payment posted {past}, thank you.']);
b.ok(['The account was [placed with us|assigned to our office] by {creditor} {past}.', 'This is for the [account|balance] you had with {creditor}.']);
b.ok(['Just to confirm, you want to pay {pay} on {day}?', 'So you\'re promising {pay} by {day}, correct?', 'I\'ll note a promise to pay {pay} on {day}.']);
b.ok(['Would you like to [speak with|talk to] a supervisor? [I can transfer you.|One moment.]', 'I\'ll transfer you to my supervisor, please hold.'], { rp: null });
b.ok(['I can waive the [late fee|interest] if we set up the plan today.', 'If you stay current for {months} months, [the creditor can remove the remaining interest|we can review a reduced balance].']);
b.ok(['[Okay|Alright], I can hear you\'re frustrated. [Let\'s take it one step at a time.|I\'m here to help.]', 'I understand. [Take your time.|No rush.] [What would you like to do?|Let me know how you want to proceed.]']);
b.ok(['Can you confirm your [email address|best phone number|current address] for our records?', 'Is {phone} still the best number to reach you?']);
b.ok(['Your next payment is due {day}.', 'You\'ve made {months} payments so far, and the remaining balance is {amt}.', 'After today\'s payment your balance will be {amt}.']);
b.ok(['Did you receive the letter we sent {past}?', 'We mailed you a notice {past}; did you get it?']);
b.ok(['I\'ll make a note that you [have an attorney|are represented by an attorney]. Can I get [the attorney\'s name|their phone number]?', 'Since you\'re represented, we\'ll contact your attorney [from now on|directly].']);
b.ok(['I\'m going to put the account on hold while we look into the [dispute|fraud claim|identity theft report].', 'If you believe this is identity theft, [please send us a copy of the report|we\'ll need a police report or FTC affidavit].']);
b.ok(['You asked us to stop calling, so [this will be the last call|we\'ll only contact you in writing].', 'We\'ll only contact you by mail from now on, as you requested.']);
b.ok(['Please hold [for a moment|one second] while I pull up the account.', 'Bear with me, the system is a little slow today.', 'Can you hold for just a minute?'], { rp: null });
b.ok(['Could you spell your last name for me?', 'Can you repeat that number [for me|one more time]?', 'Sorry, you cut out. Could you say that again?'], { rp: null });
b.ok(['Is {first} {last} [available|home] right now?', 'Could you let {first} know I called? My name is {agent}.', 'Can I leave a message for {first}?'], { rp: false });
b.ok(['Thanks, I\'ll try back [later|tomorrow|in the evening]. [Have a good one.|Bye now.]'], { rp: false });
b.ok(['The original amount was {amt}, and [with interest|with fees] it\'s now {big}.', 'The balance includes {pay} in [interest|late fees] from {creditor}.']);
b.ok(['If you can\'t do {pay}, what about {pay2}?', 'Could you manage {pay2} on {day} and the rest next month?', 'Would something smaller, like {pay}, work better?']);
b.ok(['I\'ve set that up. You\'ll get a reminder [a few days before|the day before] each payment.', 'Everything\'s set, {first}. [Thanks for working with me.|I appreciate you working with us.]']);
b.ok(['The debt is [past the statute of limitations|too old for the creditor to sue on], so we can\'t sue you, but you can still choose to pay it.', 'Because of the age of this debt, [the creditor cannot sue you|you can\'t be sued for it]; a payment is voluntary.']);
b.ok(['[I\'d like to|Let me] [go over|review] a few options with you.', 'There are a few options, [like paying in full|like a settlement|like a payment plan|including a settlement or a payment plan].']);

// ---------------------------------------------------------------- lawful agent lines that share words with violations (hard)
b.hard(['[If the account stays unpaid|If we can\'t reach an agreement], the creditor may [pursue its legal options|consider legal action|refer it to an attorney].', 'The creditor [may|could] [decide to file a lawsuit|pursue legal remedies] [if the balance isn\'t resolved|down the road], but [no decision has been made|that hasn\'t happened].']);
b.hard(['This is an attempt to collect a debt[, and any information obtained will be used for that purpose|].', '[Just so you know,|By law I have to tell you] this call is from a debt collector[ attempting to collect a debt|].']);
b.hard(['[Nobody|No one] is going to arrest you[, {first}|, {sir}|]. [This is a civil matter.|It\'s not a crime to owe money.]', 'You can\'t go to jail for [owing|not paying] [a credit card|this debt|a medical bill]; [it\'s a civil matter|that\'s not how it works].']);
b.hard(['We will not sue you [over this|for this balance][, {first}|].', '[We\'re not|I\'m not] [threatening you|going to sue you]; I just want to find a solution.', 'Nobody\'s talking about a lawsuit, I just want to set up a plan.']);
b.hard(['You told me last week you\'d sue us[, and that\'s your right|, and you\'re free to do that].', 'You said you were going to [call the police|report us|get a lawyer]; [that\'s your right|you\'re welcome to do that].', 'Last time you [called me a liar|said we were thieves], but I\'m still here to help.']);
b.hard(['I\'m not calling you a liar[, {first}|]; I just [need to check|have to verify] what our records show.', '[I\'m not saying|I didn\'t say] you\'re a deadbeat, [I said|I\'m just saying] the account is past due.']);
b.hard(['[If the account stays unpaid|If no payment is made], {creditor} may [refer it to an attorney|report it to the credit bureaus].', 'Unpaid accounts [can be|may be] reported to the credit bureaus, [which could affect your score|and that\'s something I\'d like to help you avoid].']);
b.hard(['A garnishment can only happen [if a court orders it|after a judgment], and [nothing like that has been filed|there is no judgment on this account].', 'We can\'t [garnish your wages|freeze your account|take your car] [without a court order|on our own].']);
b.hard(['The police [aren\'t|are not] involved in this[, {sir}|]; it\'s a [civil|private] matter between you and {creditor}.', 'There is no warrant [for you|on this account]; [collectors can\'t get warrants|that\'s not something we do].']);
b.hard(['I\'m not going to tell [your boss|your employer|anyone at work] about this.', 'We [don\'t|will never] contact your [employer|neighbors|family] about the debt.', 'Your information stays private; we don\'t discuss this with [third parties|anyone else].']);
b.hard(['[No one|Nobody] from our office will come to your home.', 'We don\'t send anyone to people\'s houses[, {first}|]; everything is handled by phone and mail.']);
b.hard(['If you think this call is a scam, you can [hang up and call {creditor} directly|look us up and call us back].', 'If someone [tells you|told you] you\'ll be arrested over a debt, that\'s a scam.']);
b.hard(['You have the right to [consult an attorney|talk to a lawyer] about this.', 'If you have a lawyer, [give me their information|we\'ll talk to them instead].']);
b.hard(['The creditor [has already|has] filed a lawsuit in {county} [court|] [, and you should have received papers|; you have the right to respond].', 'There is a [court date|hearing] on {day}; [I\'d encourage you to attend|you can attend or have an attorney respond].']);
b.hard(['[If a judgment is entered|If the court rules for the creditor], [your wages could be garnished|a garnishment could follow] under state law.', 'A judgment [could|may] allow the creditor to garnish wages, [but only after the court process|but we\'re not there].']);
b.hard(['I hear you. You\'re [upset|angry], and [that\'s okay|I get it]; you don\'t have to [yell|swear], I\'m not [going anywhere|hanging up].', 'I\'m not going to argue with you or [call you names|insult you].']);
b.hard(['The [car|vehicle] [could be|may be] repossessed [under the loan contract|if payments stop], [and I\'d like to help avoid that|so let\'s talk options].', '[Northgate Auto Finance|Keystone Auto Credit|The lender] holds the title, so [repossession is possible|they may repossess] [if the loan goes into default|under the contract].']);
b.hard(['We\'ll only [tell|speak to] your {tpRel} that {agent} called, nothing about the account.', 'If your {tpRel} answers, we just leave a name and a number.']);
b.hard(['It isn\'t a crime to be behind on bills[, {first}|]. Let\'s just work something out.', 'Owing money is not [illegal|a criminal matter], and no one is going to [jail|prison] over this.']);
b.hard(['If you don\'t want to pay, [we\'ll note that|that\'s your decision], and [the creditor will decide next steps|we\'ll send you the options in writing].', 'I can\'t promise the creditor won\'t [sue|take legal action], but I can tell you nothing is filed [right now|today].']);
b.hard(['[Nobody\'s|No one is] going to [hurt|threaten] you, {first}. I\'m just [calling about the balance|trying to help].', 'I\'m sorry if it sounded like a threat; it wasn\'t. [The account is past due, that\'s all.|I just want to set up a plan.]']);
b.hard(['We don\'t post anything on [social media|Facebook|the internet] about anyone\'s debt.', 'We will never [contact|message] your [friends|contacts|followers] about this.']);
b.hard(['The account [has been|was] [charged off|sent to collections] by {creditor} and [placed with us|assigned to us] {past}.', 'Since {past} the account has been in collections with our office.']);
b.hard(['[He|She] said you were a deadbeat? I\'m sorry, [that\'s not okay|nobody here should talk to you like that].', 'The last agent [called you a liar|threatened you]? [I\'m sorry|I apologize]; I\'ll report that to my supervisor.']);
b.hard(['We\'re not the police and [we don\'t have|we have no] power to arrest anyone.', 'I\'m not an attorney, [I\'m a collector|I work for a collection agency].']);
b.hard(['[Legal action|A lawsuit] is not something [we\'re planning|that\'s planned] on this account.', 'There\'s no lawsuit [and none is planned|right now], [and I don\'t want it to go there either|so let\'s just talk payments].']);
b.hard(['If the payments stop, the account will go back to the creditor, and they decide what happens next.', 'If the plan falls through, the settlement offer won\'t be available anymore[, so please call me if something changes|].']);
b.hard(['[I\'m required to tell you|I have to mention] that late payments may be reported to [the credit bureaus|Equifax, Experian and TransUnion].', 'We report accounts to the credit bureaus [monthly|after {days} days], [and a payment plan keeps it from getting worse|].']);

// ---------------------------------------------------------------- customer lines (never labelled)
b.cust(['[Yes|Yeah], this is {first}[ speaking|].', 'Speaking.', '[Yeah|Yes], that\'s me. [Who\'s this?|What\'s this about?]'], { rp: null });
b.cust(['[My date of birth is|It\'s] {day}, nineteen [eighty|ninety|seventy]-[two|five|eight|one].', 'The last four are {last4}.', 'It\'s [one twenty|four eighty-five|twenty-two] {last} Street.'], { rp: null });
b.cust(['What is this [about|regarding]?', 'Who did you say you\'re with?', 'How did you get this number?'], { rp: null });
b.cust(['I [can\'t|don\'t have the money to] pay [that much|{amt}] right now.', 'I lost my job {past} and I\'m [barely getting by|behind on everything].', 'I can maybe do {pay} a month[, that\'s it|, but not more].']);
b.cust(['I can pay {pay} on {day}.', 'I get paid on {day}, I can send {pay} then.', 'Can I do {pay} now and the rest {day}?']);
b.cust(['I don\'t [owe|recognize] this [debt|account].', 'I paid that [off|already] {past}. [I have the receipt.|I have proof.]', 'That\'s not my account, [somebody stole my identity|I never had a card with {lender}].']);
b.cust(['Send me something in writing.', 'I want [proof|verification] that I owe this.', 'I\'m not giving you [any information|my card number] over the phone.']);
b.cust(['Can you call back [later|after five|on {day}]? I\'m at work.', 'I can\'t talk right now, I\'m [driving|at work|with my kids].', 'Don\'t call me at work [anymore|again].']);
b.cust(['[Stop calling me|Quit calling me]. [I mean it.|I\'m serious.]', 'I\'m [asking you|telling you] to stop [calling|contacting me].']);
b.cust(['You [people|guys] are [a bunch of|nothing but] [crooks|vultures|thieves|scammers].', 'Go to hell[, {agent}|].', 'You\'re a [fucking|goddamn] [leech|bloodsucker|vulture], you know that?'], { hostile: true });
b.cust(['I\'m going to sue [you|your company|your whole agency] for harassment.', 'I\'ll [report you|file a complaint] [to the CFPB|with the attorney general|to the Better Business Bureau].', 'My lawyer is going to [hear about this|eat you alive].'], { hostile: true });
b.cust(['[Screw|Fuck] you and your [debt|company|bill].', 'Kiss my [ass|butt], I\'m not paying you a dime.', 'Shut up, [you idiot|moron|you clown], I\'m not paying.'], { hostile: true });
b.cust(['If you call [here|my house] again [I\'ll|I will] [come down there|find your office] and [you\'ll be sorry|we\'ll see].', 'Keep calling my mother and see what happens to you.', 'Call my job again and I swear [I\'ll|I\'m gonna] lose it.'], { hostile: true });
b.cust(['You\'re a liar, [I never signed anything|I don\'t owe you anything].', 'Are you stupid? I told you I [already paid|don\'t owe this].', 'You\'re an idiot if you think I\'m paying {amt}.'], { hostile: true });
b.cust(['[Are you threatening me?|Is that a threat?] [I\'m recording this call.|I\'m writing this down.]', 'Are you saying I\'m going to jail? [Is that what you\'re saying?|Because that\'s not true.]', 'You can\'t arrest me, you\'re a collection agency.'], { hostile: true });
b.cust(['{first} isn\'t here right now. [Can I take a message?|Who\'s calling?]', '{He} [doesn\'t live here anymore|moved out {past}|is at work].', 'This is {his} {tpRel}. What\'s this about?'], { rp: false });
b.cust(['[You have the wrong number.|Wrong number.] There\'s no {first} here.', 'I don\'t know any {first} {last}.', 'This is my number [now|since last year], I don\'t know who that is.'], { rp: false });
b.cust(['Okay, I\'ll [let {him} know|tell {him}] you called.', 'What\'s your number again? I\'ll give it to {him}.', 'Is {he} in some kind of trouble?'], { rp: false });
b.cust(['[Okay|Alright], [let\'s|we can] set up the plan.', 'That works for me.', '[Yes|Yeah], go ahead and run the card.'], { rp: true });
b.cust(['Can you [lower|reduce] the [interest|balance]?', 'Is there any way to settle for less?', 'What\'s the lowest you can take?']);
b.cust(['I\'m on [disability|Social Security|unemployment] and I can\'t [afford this|pay anything].', 'My [husband|wife] passed away {past} and I\'m trying to sort out the bills.', 'I was in the hospital for {months} weeks.']);
b.cust(['I have a lawyer. [Talk to my lawyer.|Call my attorney.]', 'I\'m filing for bankruptcy[, talk to my attorney|].', 'My attorney\'s name is {first2} {last}.']);
b.cust(['I\'m sorry, I know I\'m behind. [I want to fix this.|I\'m trying.]', 'I\'ve been meaning to call you [guys|back].', 'Thank you for [being patient|working with me].']);
b.cust(['The collector last week said I\'d be arrested. [Is that true?|Can they do that?]', 'Somebody from your office told my [mom|sister|boss] about my debt.', 'Your guy called me a deadbeat [last time|on Friday].']);
b.cust(['[Hold on|Hang on], let me get my [card|wallet|checkbook].', 'Hold on a second.', 'Can you repeat that?']);
b.cust(['You people [ruined|are ruining] my life[, you know that|]!', 'I hope you [choke|rot], [seriously|honestly].', 'Don\'t you have anything better to do than harass poor people?'], { hostile: true });
b.cust(['I\'ll pay when I [feel like it|have the money], not when you tell me.', 'Sue me then. [Go ahead.|I dare you.]', 'Take me to court, I don\'t care.'], { hostile: true });
b.cust(['Why is it {amt} now? It was way less [before|{past}].', 'Where did these fees come from?', 'I only borrowed {pay}!']);

// ---------------------------------------------------------------- additional families (v2)
b.threat(['I\'ll be calling you every hour, three in the morning included, until I get {amt}.', 'You won\'t get a night\'s sleep until this is paid, [I promise you that|count on it].']);
b.threat(['Maybe your church should hear how you treat people who lent you money.', 'I\'ll call your pastor [and tell him|and let the whole congregation know] you\'re stealing.']);
b.threat(['Think about how your kids will feel when [their friends|the whole school] hear [their mom|their dad|their parent] is a deadbeat.', 'Your kids\' friends\' parents are going to know about this, {first}.']);
b.threat(['[Pay it|Just pay it] and nobody gets hurt.', 'Nobody has to get hurt here, [{first}|{sir}], [just pay the {amt}|just pay what you owe].']);
b.threat(['I\'m going to make this the worst week of your life.', 'By Friday you\'re going to wish you\'d paid, believe me.']);
b.threat(['I\'ve got your sister\'s number, your mother\'s number and your boss\'s number. [Want me to start dialing?|Who do you want me to call first?]', 'Keep playing games and I start calling everyone in your phone, one by one.']);
b.threat(['We\'ll make sure every landlord in {county} knows not to rent to you.', 'Good luck ever renting an apartment again once [we\'re done with you|we spread the word].']);
b.threat(['You want to play hardball? [Fine.|Okay.] Let\'s see how {family} likes getting a visit.', 'I\'ll send someone to talk to {family} [in person|at the house] [then|if you won\'t].']);
b.insult(['[Bless your heart|Wow], you\'re dumb as a [rock|box of rocks|post].', 'You must be the dumbest person I\'ve talked to all day.']);
b.insult(['You\'re a leech on society, [{first}.|you know that?]', 'People like you are why everybody\'s interest rates go up, [you {insult}|you freeloader].']);
b.insult(['Your [mother|mama|family] must be [so proud|real proud] of [you|a {insult} like you].', 'I bet your parents are ashamed of you.']);
b.insult(['[Oh, boo-hoo|Oh, cry me a river]. [Nobody cares about your sob story.|Spare me the sob story], [{first}|you {insult}].', 'Your sob story is [pathetic|garbage], just like you.']);
b.insult(['You\'re a [fucking|goddamn] joke, [{first}.|you know that?]', 'What a [fucking|damn] waste of my time you are.']);
b.insult(['[Hey, |]genius, [it\'s a bill|you pay it]. [It\'s not rocket science.|Even you can figure that out.]', 'Listen, Einstein, {amt} means {amt}.']);
b.insult(['You talk like a [crook|con man|con artist], [you know that|{first}]?', 'Only a [crook|con artist|thief] would say something like that.']);
b.insult(['Don\'t sweet-talk me, you [lying|two-faced] [little |]{insult}.', 'Save the nice act, [liar|you liar|{insult}].']);
b.legal(['You\'ll lose custody of your kids if a judge hears you don\'t pay your debts.', 'Child services [gets involved|will be notified] when parents don\'t pay their bills, {sir}.']);
b.legal(['We\'ve [already |]placed a lien on [your car|your house|your property] [as of today|this morning].', 'There\'s a lien on your [house|car] now, so you can\'t sell it [until this is paid|without paying us first].']);
b.legal(['Your tax refund [will be|is going to be] [taken|intercepted] to pay this [{creditor} account|debt].', 'The IRS will take your refund [for this debt|to cover the {amt}], [that\'s automatic|that\'s already in motion].']);
b.legal(['I\'m a process server, and I\'ll be at your [job|work|house] {when} to serve you.', '[You\'re being|You\'ve been] served [right now|by this call], [{first}|{sir}]. [This is your legal notice.|Consider this your notice.]']);
b.legal(['Paying part of it won\'t stop the warrant, [you have to pay the full {amt}|only the full amount will].', 'If you pay today [I can get the warrant recalled|I can call the judge and have the charges dropped].']);
b.legal(['This debt is [now |]a criminal matter, [{first}|{sir}], [not a civil one|it\'s out of my hands].', 'The file has been [marked|flagged] as criminal [as of today|this morning].']);
b.legal(['[I\'m going to|We will] report you to your [parole officer|probation officer] [for this|if you don\'t pay].', 'Not paying this is a [probation|parole] violation, you know that?']);
b.legal(['Press one now to speak with [a judge|the court clerk] about your case.', 'Your case number is {last4}; if you don\'t call back today [the judge will rule against you|a warrant will be issued].']);
b.disclose(['Hi sweetie, is your [mom|dad] home? [Okay,|Well,] tell [her|him] [the bill collector called|{he} owes us {amt}] and [she|he] needs to pay.'.replace('[her|him]', '{him}').replace('[she|he]', '{he}'), 'Can you give your [mom|dad] a message? Tell {him} {his} [loan|card|car payment] is [late|overdue] and we need {amt}.']);
b.disclose(['Your ex-[husband|wife] {first} owes {amt} on [a loan|a credit card] [with {lender}|], do you know where {he}\'s living now?'.replace('ex-[husband|wife]', '{ex}'), 'I know you\'re divorced from {first}, but {he} [owes|is behind] {amt} and [we can\'t find {him}|{he} won\'t answer].']);
b.disclose(['Front desk? [Please|Could you] tell {first} {last} [that|] {agency} called about {his} [past-due account|overdue balance].', 'Can you put a note on {first}\'s desk? It\'s about {his} [collection account|unpaid debt] with {creditor}.']);
b.disclose(['Are you {first}\'s brother-in-law? [Okay,|Well,] {he} [hasn\'t paid|stopped paying] on {his} [car|loan] and [it\'s going to collections|we\'re going to court].', 'You\'re family, right? Then you should know {first} [owes {amt}|is in default on a loan].']);
b.disclose(['Since {first} isn\'t picking up, [I\'m asking you|I need you] to tell {him} the {creditor} account is [delinquent|being sent to our attorneys].', 'Please let {first} know [that|] {his} debt of {amt} [is past due|needs to be paid] [today|this week].'], { twin: ['{first}, the {creditor} account is [delinquent|being reviewed by the creditor\'s attorneys], so I wanted to talk with you directly.', '{first}, your balance of {amt} [is past due|is still open], and I\'d like to help you set something up [today|this week].'] });
b.disclose(['Hi, this is {agent} with {agency}. I\'m calling for {first}; {he} gave your name as someone who could help with {his} [debt|past-due loan].', 'We\'re a collection agency and {first} listed you as [a contact|a reference]. {He} owes [us|{lender}] {amt}.']);
b.ok(['This call may be monitored or recorded for quality [assurance|purposes].', 'Just so you know, this call is being recorded.'], { rp: null });
b.ok(['Are you in a place where you can talk privately?', 'Is anyone else on the line with you?', 'Is now a good time to discuss a personal business matter?'], { rp: null });
b.ok(['Before I go into any details, I need to make sure I\'m speaking with the right person.', 'I can only discuss this with {first} {last}. Is that you?'], { rp: null });
b.ok(['You have thirty days after you receive the notice to dispute all or part of the debt.', 'The validation notice we sent explains your rights, including how to dispute the balance.']);
b.ok(['[We haven\'t|Our office hasn\'t] reported this account to the credit bureaus.', 'Once the balance is paid, we\'ll [update|notify] the credit bureaus [within thirty days|on the next cycle].']);
b.ok(['I\'ll email you the settlement letter [before you pay anything|so you have it in writing].', 'You\'ll have the agreement in writing before the first payment comes out.']);
b.ok(['The card was declined. [Do you have another card you\'d like to use?|Would you like to try a different card?]', 'It looks like the payment didn\'t go through. Want to try the checking account instead?']);
b.ok(['Do you authorize {agency} to debit {pay} from your account on {day}?', 'Just to confirm, you\'re authorizing a one-time payment of {pay} today.']);
b.ok(['If you\'ve filed for bankruptcy, could I get the case number and your attorney\'s name?', 'Have you filed for bankruptcy? If so, we\'ll stop collection and note the case.']);
b.ok(['I\'m sorry for your loss. Are you handling {first}\'s estate?', 'I\'m very sorry to hear that. Is there an executor or someone handling the estate?'], { rp: false });
b.ok(['Are you currently on active military duty?', 'If you\'re in the military, there may be protections that apply; can you tell me a little more?']);
b.ok(['Hi, I\'m trying to reach {first} {last}. Does {he} still live at this address?', 'I\'m trying to confirm a phone number for {first} {last}. Is this still a good number for {him}?'], { rp: false });
b.ok(['So to recap: {pay} on {day}, then the same amount monthly until the {amt} is paid.', 'Let me read that back to you: {pay} today and {pay2} on {day}.']);
b.ok(['Is there a better number to reach you, like a cell phone?', 'Would you prefer we contact you by email or text?']);
b.ok(['I can give you a few days to check with your [spouse|family|bank] and call me back.', 'Take the weekend to think about it; I\'ll follow up on {day}.']);
b.ok(['Our office hours are eight to eight Eastern, Monday through Friday.', 'You can also reach us on the website, any time.'], { rp: null });
b.ok(['The last payment I see was {past}. Did you make one I might be missing?', 'Do you have a confirmation number for that payment? I\'ll look for it.']);
b.hard(['I\'m not with the police, and nobody is coming to your house.', 'This is not the sheriff\'s office; I work for {agency}.']);
b.hard(['If you\'re ever served with a lawsuit, please don\'t ignore it; you\'d have the right to respond.', 'If papers do arrive, you can respond to them or talk to a lawyer; I just want you to know your options.']);
b.hard(['I can\'t tell you you\'ll go to jail, because that\'s not true.', 'Anyone who tells you you\'ll be arrested over a credit card bill is not being honest with you.']);
b.hard(['Your wages can\'t be garnished for this without a court judgment[, and there isn\'t one|].', 'There\'s no garnishment on this account[ and nothing has been filed|].']);
b.hard(['I\'m not calling you a deadbeat; lots of people fall behind.', 'Falling behind doesn\'t make you a bad person, {first}.']);
b.hard(['You said your brother told you we\'d have you arrested; that\'s not true.', 'Your wife said someone threatened to take the house? That didn\'t come from this office, and it won\'t happen over this.']);
b.hard(['The creditor has [asked us|authorized us] to report the account to the credit bureaus on {day} if there\'s no arrangement by then.', 'If there\'s no payment by {day}, the account will be reported as delinquent, which is what I\'d like to help you avoid.']);
b.hard(['I\'m not threatening your family or anyone else; I apologize if it came across that way.', 'Nobody is going to bother {family}; this is between you and us.']);
b.cust(['Is this about the [hospital|ambulance|ER] bill? I thought insurance covered that.', 'Is this the [phone|cable|gym] bill? I cancelled that [years ago|{past}].']);
b.cust(['If I pay, will you take it off my credit report?', 'Will this show as paid in full?', 'Can I get that in writing before I pay?']);
b.cust(['How do I know this isn\'t a scam?', 'Can you give me a number I can call you back on?', 'What\'s your company\'s address?'], { rp: null });
b.cust(['Let me talk to my [husband|wife] first and I\'ll call you back.', 'I need to check my bank account first.', 'I\'ll call you back [tomorrow|on {day}], I promise.']);
b.cust(['This was my [mom|dad]\'s card, [she|he] passed away {past}.'.replace('[she|he]', 'they'), 'My [husband|wife] handled all the bills, I didn\'t even know about this.'], { rp: false });
b.cust(['You\'re a piece of shit, you know that?', 'Eat shit, [buddy|lady|pal].', 'You\'re a [fucking|goddamn] parasite.'], { hostile: true });
b.cust(['Come to my house and I\'ll kick your ass.', 'Show up here and see what happens.', 'You come near my family and you\'ll regret it.'], { hostile: true });
b.cust(['I\'ll report you to the FTC [and the state attorney general|and the CFPB].', 'I\'m going to sue you for every penny you\'ve got.', 'I\'ve got every call recorded and I\'m taking you to court.'], { hostile: true });
b.cust(['I\'m a veteran, I [can\'t believe you people|don\'t deserve this].', 'I\'m on active duty right now.', 'I\'m deployed in {months} weeks.']);
b.cust(['Why are you calling my [mother|job|sister]?', 'How did my [boss|neighbor] know about this?', 'Don\'t ever call my [mother|family] again.'], { hostile: true });

b.viol(['third_party_disclosure', 'insult'], ['Your {relOf} is a [deadbeat|bum|thief] who owes {creditor} {amt}, [did you know that|just so you know]?', 'Tell that [deadbeat|loser|freeloader] {relOf} of yours {he} owes us {amt}.'], { rp: false });
b.viol(['third_party_disclosure', 'threat'], ['Tell {first} that if {he} doesn\'t pay the {amt} [we\'re coming to the house|{he}\'d better watch {his} back].', 'You tell your {relOf} to pay the {creditor} debt or [{he}\'ll regret it|we\'ll make {his} life hell].'], { rp: false });
b.viol(['third_party_disclosure', 'false_legal'], ['Your {relOf} owes {amt} and there\'s a warrant out for {his} arrest [over it|for not paying].', 'Let {first} know {he}\'s going to jail if {he} doesn\'t pay {his} {creditor} account.'], { rp: false });
b.viol(['threat', 'false_legal'], ['If you don\'t pay by {day}, the sheriff will take {thing} and we\'ll tell {boss} why.', 'We\'ll have you arrested and make sure everyone on {social} sees it.']);

// same words, different call state: disclosure when rightParty is false, lawful when true
b.discloseSame(['This is {agent} with {agency}, a debt collector, calling about the past-due balance of {amt} on the {creditor} account. Please call us back at {phone}.', 'This message is from {agency}. We are attempting to collect a debt of {amt} for {creditor}; please return the call at {phone}.']);
b.discloseSame(['The {lender} loan is {days} days past due and the balance is {amt}.', 'The account with {creditor} is in collections, and the amount owed is {amt}.']);
b.discloseSame(['The creditor has filed a lawsuit over the {amt} owed on the {creditor} account, and the hearing is {day}.']);

export const en: LangSpec = {
  lang: 'en',
  slots,
  families: b.families,
  finish: (s) => capFirst(tidy(s)),
};

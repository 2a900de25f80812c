/**
 * A first draft of an impact letter as an upset relative writes it, for timing the check on a
 * realistic letter: exactly 300 words (the length limit), with something for most rules.
 */
export const UPSET_DRAFT = `Dear Dan,

I love you, and I always will. You were always the one who made us laugh, and you never forgot my birthday, not once.

But I can't keep pretending. Your aunt says you called her at two in the morning, slurring, and the neighbours mentioned that you were shouting in the driveway again. Each and every weekend you disappear. You're a drunk, Dan, and you know it. Because of your gambling, the kids have no winter coats. Thanks to your habit, we spent Christmas at the police station, and you turn every birthday into a scene. You made me feel invisible at my own wedding. I feel like you don't care about us anymore.

Last March you drove Mia home from practice after you had been drinking. I was terrified, and so was she. I lay awake all night, and I cried in the car the next morning before work.

You're a coward when you run from this, and everyone knows it. We all think you need help. If you leave this room, don't call me. It's rehab or the street.

I'm sorry. That is the anger talking, and it's not what I want you to hear. What I want you to hear is that I miss my brother, the one who taught me to fish at the lake and who sat with me the night Dad died. I am scared of losing you, and I'm tired of being scared.

We have found a place that can help, and a bed is held for you. The counsellor will drive with us, and I'll be there every step of the way. I will visit every Sunday and I will write to you every week. Will you accept this help and go to treatment today?

With all my love, Anna`;

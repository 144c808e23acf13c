# # Lesson 5 · The risk of a progression
#
# Sizing up after losses feels like it improves the odds: one win recovers the cycle.
# It does not. A progression changes when you risk money, not the edge of each trade;
# what it buys with its frequent small wins is a rare large loss. `risk` does the
# arithmetic exactly (an absorbing Markov chain over the cycle's steps), beside flat
# sizing at the step-1 size for comparison.
date 2026-01-05
spx 6000
vix 18
set underlying xsp
account 100000
# First the trade itself, with no stop: a win is the credit ($143.74), a loss is the
# whole wing ($356.26). Its break-even win rate is 356.26 / (143.74 + 356.26) = 71.25%;
# the condor's P(profit) at expiry is 69.85%: a small negative edge.
set stops none
risk
# Read the columns. The break-even win rate is 71.25% in both, and the edge per dollar
# risked is the same −1.96%: the progression does not change it. What changes is the
# tail: P(a cycle fails) is 4.03% (rarer than the flat 30% chance of a single loss),
# but when it fails it loses $9,618.92, not $2,850.05 (four flat losses).
#
# A win that does not recover the cycle keeps you at the same step (rule `recover`),
# which is why a cycle fails more often than q^K = 0.83%, the chance of four losses in a row.
#
# Steeper multipliers do not help: doubling (2 × 2 × 2) leaves the edge at −1.96% and
# makes the worst cycle $14,250.26.
set multipliers 2 2 2
risk
# Now the method's stops: a loss is cut at 90% of the credit at steps 1 and 2 and 65% at
# steps 3 and 4. The loss per contract is smaller than the credit, so the break-even win
# rate drops to 47.37% flat and 43.14% with the progression: the only reason the two
# columns differ is that the stops differ by step.
set multipliers 1.8 1.6 1.6
set stops 90% 90% 65% 65%
risk
# Be careful with that table: it uses the condor's P(profit) at expiry as the win rate.
# A stop fires on every path that touches it, including paths that would have expired
# profitable (P(touch short put) alone is 34.9%), so with stops the real win rate is
# lower. Give your own win rate. At 45%, between the two break-evens, the progression
# shows +4% and flat sizing −5%. That is no magic of sizing up: the progression puts its
# largest bets at steps 3 and 4, where the tighter 65% stop makes each trade a better bet.
risk winrate 45%
# At 40%, below both break-evens, both lose money on every trade, and one cycle in eight
# (12.96%) ends with the full $9,968.62 loss.
risk winrate 40%
# Whatever the win rate, the worst cycle is the sum of the four steps' risks, $9,968.62
# here: 10% of the account in one bad month. `progression` shows the same sum in its
# last column, step by step.
progression

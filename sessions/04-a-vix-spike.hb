# # Lesson 4 · A VIX spike: L1, then the time-shifted L2
#
# The hedge is not bought all at once. Each layer waits for its trigger:
#
# - L1 (front) when VIX spikes to 1.2 × its level when the cycle began, when a CPI, PPI
#   or FOMC event is flagged, or when SPX crosses a short strike's break-even;
# - L2 (time-shifted) 7 to 14 days after L1 was opened, and only while L1 is losing:
#   if the spike fades, L2 buys the same protection a month further out, cheaper in time;
# - L3 (anchor) when the martingale reaches step 3, or VIX reaches 30.
#
# This lesson walks a month on the calendar and watches the triggers.
date 2026-01-05
spx 6000
vix 16
# The cycle starts today with VIX at 16, so the spike line is 1.2 × 16 = 19.2.
account 100000
layers
# A week later, a CPI print is due. Flagging it is enough to fire L1: the sources name
# CPI, PPI and FOMC prints as L1 triggers.
date 2026-01-12
event cpi
layers
# Two days later the market sells off: SPX 5800, VIX 22. The spike rule fires on its own
# now (22 ≥ 19.2). The strikes follow the VIX future up (L1 is now a 24/34 spread) and
# each spread costs more: $116.41 instead of $101.57. Eight still fit the 1.2% budget.
date 2026-01-14
spx 5800
vix 22
layers
# L2 is time-shifted: it waits for L1 to be open, then for its window, 7 to 14 days after
# L1 was bought, and fires only if L1's P&L is still negative then. A spike that fades
# in a week leaves L1 under water and the window open; a spike that keeps going has
# already paid L1, and L2 is not needed.
#
# A deeper fall: VIX 31. L3, the anchor, fires on VIX ≥ 30 whatever the step; its call
# now costs $107.87 and the 0.4% budget buys 3 of the 4 the scale asks for.
date 2026-01-16
spx 5600
vix 31
layers
# A loss on the condor moves the martingale to step 2. The scale rule now asks for more
# (3.56 contracts per unit), but at these prices the budgets hold every layer where it was.
loss 1100
layers

// lucky-canvas's LuckyWheel as a store would use it: one 8-slice wheel, spun by its own API (play, then stop
// so that the deceleration ends the spin at the set time).
import { LuckyWheel } from 'lucky-canvas';

const COLORS = ['#2f5d46', '#d9b26a', '#9c4324', '#dfe9c8'];
const ACCELERATION = 1000;
const DECELERATION = 2500;

window.benchWheel = {
  mount(container, labels) {
    let done = () => {};
    const wheel = new LuckyWheel(
      { divElement: container },
      {
        width: `${container.clientWidth}px`,
        height: `${container.clientHeight}px`,
        blocks: [{ padding: '10px', background: '#2f5d46' }],
        prizes: labels.map((text, i) => ({ background: COLORS[i % COLORS.length], fonts: [{ text, top: '12%' }] })),
        buttons: [{ radius: '30%', background: '#d9b26a', pointer: true, fonts: [{ text: 'Spin', top: '-10px' }] }],
        defaultConfig: { accelerationTime: ACCELERATION, decelerationTime: DECELERATION },
        end: () => done(),
      },
    );
    return {
      spin(ms) {
        return new Promise((resolve) => {
          done = resolve;
          wheel.play();
          setTimeout(() => wheel.stop(Math.floor(Math.random() * labels.length)), Math.max(0, ms - DECELERATION));
        });
      },
    };
  },
};
